"""NumPy kernels for windowed pooling (average and max) over 1, 2 or 3 spatial axes.

The public entry point is :func:`pool`. It takes arguments that the ops layer has
already checked and normalized, so it does no validation of its own.

How it is fast, in plain NumPy:

* Separable passes. A k1 x k2 (x k3) window is reduced one spatial axis at a time,
  outermost axis first, so every pass is a few whole-block ``np.add`` / ``np.maximum``
  calls over shifted views; no Python work per window.
* Long loops. A pass along an axis whose cells are short runs of memory (the W axis
  of channels-last data) first gathers each stride phase (cells ``p, p+s, ...``) into a
  compact buffer with a plain copy, so the reductions then run over long contiguous
  stretches, where NumPy is several times faster than on short strided rows.
* Large windows. A window of c cells along an axis is reduced through doubling
  partials (2, 4, 8, ... cells): O(log c) passes instead of c - 1. Every sum is a short
  tree of adds over at most c cells, never a running or cumulative sum, so large
  windows and large values stay accurate.
* "same" borders. Output cells whose window sticks out of the input are reduced from
  their own clipped slices; the input is never padded or copied. Averages divide by
  the number of real cells, max never sees a pad.
* Blocks and threads. The output is cut into blocks (a few images, a few planes or a
  band of output rows of one image) whose intermediates stay in the L2 cache. Each
  distinct block geometry is compiled once into a list of NumPy calls on precomputed
  slices, so a block costs a few microseconds of Python. Blocks are shared out to a
  small, lazily created thread pool (NumPy releases the GIL inside its loops); the
  calling thread works too. Extra memory is a few cache-sized buffers per thread.
* Tiny inputs skip all of that: one strided window view and one reduction.

Two spatial axes, float32/float64, C-contiguous (the common case) take a leaner path,
``_fast2d``. channels_first planes are viewed as channels_last images with one channel,
so both layouts are (images, H, W, C). Per block (whole images, or a band of output rows
of one image): the H pass sums k row views (rows are long contiguous runs) into a
scratch buffer; the W pass is k - 1 ops on the flat buffer shifted by C (a shift along W
of a contiguous block is a shift of the flat buffer; windows that wrap across a row end
are garbage and never copied out), then one gather-and-divide writes the wanted windows
straight into the output. Non-overlapping strided W windows (k <= s) are instead reduced
straight into the output from strided views. Windows up to _CHAIN_MAX cells chain
in-place ops (measured faster than doubling); longer ones use doubling partials. "same"
borders are reduced from clipped slices as above.
"""

from __future__ import annotations

import itertools
import os
import threading
from functools import lru_cache
from typing import TYPE_CHECKING

import numpy as np

from . import pool_kernels_numba

if TYPE_CHECKING:  # imported when the first pool is made: it costs import time
    from concurrent.futures import ThreadPoolExecutor

__all__ = ["kernel_choice", "pool", "same_padding"]

# Target size, in bytes, of a block's first intermediate (the result of the first pass).
_BLOCK_BYTES = 1 << 20
# Inputs smaller than this (bytes) run on the calling thread only.
_THREAD_MIN_BYTES = 1 << 20
# Inputs with at most this many elements take the single-reduction path.
_TINY_SIZE = 2048
# At most this many NumPy-kernel threads, however many cores: measured on 16 cores, 4
# threads beat 8 on every 103 MB case (1.1-1.6x) and 16 threads were slower still (the
# threads take turns at the GIL between NumPy calls), see _threads_for.
_MAX_THREADS = 4
# One NumPy-kernel thread per this many input bytes (but _MIN_THREADS at least, and at
# most the machine's cores and _MAX_THREADS); measured on 2 and 16 cores, see _threads_for.
_BYTES_PER_THREAD = 10 << 20
_MIN_THREADS = 3
# A strided pass gathers each phase into a compact buffer first when one cell of it is
# a contiguous run of this many bytes: longer runs are fast already, and single
# elements gather no faster than they add.
_GATHER_MIN = 16
_GATHER_MAX = 2048

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()

# The compiled kernels (pool_kernels_numba, with the optional numba) take every input
# the tiny path does not, unless RSTYLE_KERAS_KERNELS says otherwise. Measured on 2
# cores (float32 channels_last, one call): at 2,560 elements numba 19 us against NumPy's
# 33 us (2x2 average) and 71 us (3x3 max); at 32,768, 27 us against 65 us; the tiny path
# itself costs about 7 us.
_NUMBA_MIN_SIZE = _TINY_SIZE + 1
_numba_ok: bool | None = None  # None: not checked yet


def kernel_choice(x: np.ndarray, mode: str) -> str:
    """The kernels `pool` uses for `x`: "numba" or "numpy".

    RSTYLE_KERAS_KERNELS=numpy or =numba forces a choice (numba for every input it
    supports, tiny ones included; an error if numba is not installed). Unset (or "auto"),
    numba takes inputs of at least _NUMBA_MIN_SIZE elements when it is installed.
    """
    global _numba_ok
    forced = os.environ.get("RSTYLE_KERAS_KERNELS", "auto")
    if forced == "numpy":
        return "numpy"
    if forced == "numba":
        if not pool_kernels_numba.available():
            raise ImportError(
                "RSTYLE_KERAS_KERNELS=numba, but numba is not installed; install the fast "
                'extra (pip install "rstyle-keras[fast]") or unset RSTYLE_KERAS_KERNELS.'
            )
        return "numba" if pool_kernels_numba.supports(x, mode) else "numpy"
    if forced != "auto":
        raise ValueError(
            f"RSTYLE_KERAS_KERNELS must be 'numpy', 'numba' or 'auto'; received {forced!r}."
        )
    if x.size < _NUMBA_MIN_SIZE:
        return "numpy"
    if _numba_ok is None:
        _numba_ok = pool_kernels_numba.available() and pool_kernels_numba.loads()
    return "numba" if _numba_ok and pool_kernels_numba.supports(x, mode) else "numpy"


def _cores() -> int:
    """Cores this process may run on (a `taskset` or container limit counts, as numba's)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _thread_count() -> int:
    return max(1, min(_cores(), _MAX_THREADS))


def _threads_for(nbytes: int) -> int:
    """Threads for an input of `nbytes`: three, or one per _BYTES_PER_THREAD if more.

    The count follows the work, not the core count: each thread's scratch arena is cut
    so that all of them stay under 1/10 of the input, and a thread with a smaller arena
    works on smaller blocks, with more Python (and GIL) per byte. On 2 cores, giving 2
    threads the arena that 8 or 16 threads would get made case 4 1.9-2.3x and 2.9x
    slower, case 7 2.1-3.1x and 3.3-4.9x, cases 1 and 3 up to 1.07x and 1.27x: the
    slowdown the issue measured on 16 cores. So a thread gets at least 1/10 of
    _BYTES_PER_THREAD (about 1 MB, where blocks stop costing extra), and inputs too small
    for that keep 3 threads (2 on a 2-core machine) whatever the core count. On 16 cores
    (numpy 2.5, issue #12's seven cases, interleaved medians), 4 threads ran the five
    103 MB cases 1.1-1.6x faster than 8 and 2-3x faster than 16; in a later sweep of 1 to
    4 threads there, the 26 MB case (case 4) ran fastest on 3 (6.7 ms in both formats,
    against 7.1 and 8.7 on 2 and 8.4-8.5 on 4), and so did the 13 MB one (case 7, 1.17
    against 1.20-1.28 ms on 2 and 1.59 on 4).
    """
    if nbytes < _THREAD_MIN_BYTES:
        return 1
    return max(1, min(_thread_count(), max(_MIN_THREADS, nbytes // _BYTES_PER_THREAD)))


def _budget(nbytes: int, threads: int) -> int:
    """Bytes of scratch per thread: all threads together at most 1/10 of the input."""
    return max(nbytes // (10 * threads), 1 << 16)


def _get_executor() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        with _executor_lock:
            if _executor is None:
                from concurrent.futures import ThreadPoolExecutor

                _executor = ThreadPoolExecutor(
                    max_workers=max(1, _thread_count() - 1), thread_name_prefix="rstyle-pool"
                )
    return _executor


def same_padding(size: int, pool: int, stride: int) -> tuple[int, int]:
    """Pads (before, after) of TensorFlow-style "same" padding: the odd cell goes after."""
    out = -(-size // stride)
    total = max((out - 1) * stride + pool - size, 0)
    return total // 2, total - total // 2


# --------------------------------------------------------------------------- plans


class _AxisPlan:
    """Windows along one axis: output o covers input cells [o*s - before, ... + k) ∩ [0, n)."""

    __slots__ = ("n", "k", "s", "before", "n_out", "lo", "hi", "key")

    def __init__(self, n: int, k: int, s: int, before: int, n_out: int) -> None:
        self.n, self.k, self.s, self.before, self.n_out = n, k, s, before, n_out
        self.key = (n, k, s, before, n_out)
        # Interior outputs [lo, hi): windows wholly inside the input.
        lo = min(-(-before // s), n_out)
        hi = (n + before - k) // s + 1 if n + before >= k else 0
        self.lo, self.hi = lo, max(lo, min(hi, n_out))

    def window(self, o: int) -> tuple[int, int]:
        start = o * self.s - self.before
        return max(start, 0), min(start + self.k, self.n)

    def count(self, o: int) -> int:
        a, b = self.window(o)
        return b - a

    def rows(self, r0: int, r1: int) -> tuple[int, int, _AxisPlan]:
        """Input cells [in0, in1) that outputs [r0, r1) read, and the plan over just them."""
        in0 = max(0, r0 * self.s - self.before)
        in1 = min(self.n, (r1 - 1) * self.s - self.before + self.k)
        return in0, in1, _plan(in1 - in0, self.k, self.s, self.before + in0 - r0 * self.s, r1 - r0)


@lru_cache(maxsize=1024)
def _plan(n: int, k: int, s: int, before: int, n_out: int) -> _AxisPlan:
    return _AxisPlan(n, k, s, before, n_out)


def _axis_plan(n: int, k: int, s: int, same: bool) -> _AxisPlan:
    if same:
        return _plan(n, k, s, same_padding(n, k, s)[0], -(-n // s))
    return _plan(n, k, s, 0, (n - k) // s + 1)


# ------------------------------------------------------------------------ programs


def _idx(ndim: int, axis: int, sl) -> tuple:
    idx = [slice(None)] * ndim
    idx[axis] = sl
    return tuple(idx)


def _strided(base: int, step: int, q: int, m: int) -> slice:
    """Cells q .. q+m-1 of the sequence base, base+step, ... as a slice."""
    a = base + q * step
    return slice(a, a + (m - 1) * step + 1, step)


def _binary(op, a, ia, b, ib, o, io, dtype):
    if dtype is None:
        return lambda B: op(B[a][ia], B[b][ib], out=B[o][io])
    return lambda B: op(B[a][ia], B[b][ib], out=B[o][io], dtype=dtype)


def _copy(o, io, a, ia):
    return lambda B: np.copyto(B[o][io], B[a][ia])


def _reduce(op, a, ia, o, io, axis, dtype):
    return lambda B: op.reduce(B[a][ia], axis=axis, dtype=dtype, out=B[o][io], keepdims=True)


def _scale(fn, a, ia, o, io, divisor, dtype):
    return lambda B: fn(B[a][ia], divisor, out=B[o][io], dtype=dtype)


class _Program:
    """The NumPy calls that pool one block, with every slice worked out in advance.

    Buffers: B[0] the input block, B[1] the output block, B[2:] scratch arrays (and
    opaque-item views of some of them) that each thread allocates once per call.
    """

    def __init__(self, in_shape, plans, op, acc, in_dtype, out_dtype, average):
        # Scratch: ("array", shape, dtype, byte offset) or ("fused", buffer, axis). Pass
        # results alternate between two regions of one arena; a pass's own temporaries
        # (gathered phases, doubling partials) share a third region, reused by each pass.
        self.specs = []
        self.steps = []
        self.region_sizes = [0, 0, 0]
        self._region = 2
        self._cursor = 0
        self.op, self.acc = op, acc
        nd = len(in_shape)
        axes = range(2, 2 + len(plans))
        shape = list(in_shape)
        src, src_dtype = 0, in_dtype
        work = acc if acc is not None else in_dtype
        last = len(plans) - 1
        for d, (axis, plan) in enumerate(zip(axes, plans)):
            shape[axis] = plan.n_out
            if d == last and (not average or out_dtype == work):
                dst = 1
            else:
                self._region, self._cursor = d % 2, 0
                dst = self._scratch(tuple(shape), work)
            self._region, self._cursor = 2, 0
            in_shape_d = list(shape)
            in_shape_d[axis] = plan.n
            self._pass(src, tuple(in_shape_d), src_dtype, dst, axis, plan, nd, src != 0)
            src, src_dtype = dst, work
        if average:
            self._divide(src, tuple(shape), plans, nd)

    def _scratch(self, shape, dtype) -> int:
        dtype = np.dtype(dtype)
        nbytes = -(-int(np.prod(shape, dtype=np.int64)) * dtype.itemsize // 64) * 64
        self.specs.append(("array", shape, dtype, (self._region, self._cursor)))
        self._cursor += nbytes
        r = self._region
        self.region_sizes[r] = max(self.region_sizes[r], self._cursor)
        return len(self.specs) + 1

    @property
    def arena_bytes(self) -> int:
        return sum(self.region_sizes)

    def _fused(self, buf, axis) -> int:
        self.specs.append(("fused", buf, axis))
        return len(self.specs) + 1

    def _pass(self, src, shape, dtype, dst, axis, plan, nd, src_is_scratch):
        op, acc, steps = self.op, self.acc, self.steps
        k, s = plan.k, plan.s
        m = plan.hi - plan.lo
        if m > 0:
            start = plan.lo * s - plan.before
            chunk = int(np.prod(shape[axis + 1 :], dtype=np.int64)) * np.dtype(dtype).itemsize
            gather = src_is_scratch and s > 1 and _GATHER_MIN <= chunk <= _GATHER_MAX
            fused_src = self._fused(src, axis) if gather else None
            pieces = []  # (buffer, base, step, ndim): out = op over cells base + (q + i) * step
            for p in range(min(s, k)):
                c = (k - p + s - 1) // s  # window cells that fall in this phase
                n = m + c - 1  # phase cells needed
                if gather:
                    pshape = list(shape)
                    pshape[axis] = n
                    buf = self._scratch(tuple(pshape), dtype)
                    fused_buf = self._fused(buf, axis)
                    steps.append(
                        _copy(
                            fused_buf,
                            (slice(None),) * (axis + 1),
                            fused_src,
                            _idx(axis + 1, axis, _strided(start + p, s, 0, n)),
                        )
                    )
                    phase = (buf, 0, 1, pshape)
                else:
                    pshape = list(shape)
                    pshape[axis] = n
                    phase = (src, start + p, s, pshape)
                pieces.extend(self._window(phase, c, axis, nd, dtype))
            out_idx = _idx(nd, axis, slice(plan.lo, plan.hi))

            def view(piece):
                buf, base, step, q = piece
                return buf, _idx(nd, axis, _strided(base, step, q, m))

            first = view(pieces[0])
            if len(pieces) == 1:
                steps.append(_copy(dst, out_idx, *first))
            else:
                steps.append(_binary(op, *first, *view(pieces[1]), dst, out_idx, acc))
                for piece in pieces[2:]:
                    steps.append(_binary(op, dst, out_idx, *view(piece), dst, out_idx, acc))
        for o in itertools.chain(range(0, plan.lo), range(max(plan.hi, plan.lo), plan.n_out)):
            a, b = plan.window(o)
            steps.append(
                _reduce(
                    op,
                    src,
                    _idx(nd, axis, slice(a, b)),
                    dst,
                    _idx(nd, axis, slice(o, o + 1)),
                    axis,
                    acc,
                )
            )

    def _window(self, phase, c, axis, nd, dtype):
        """Pieces whose op over m consecutive cells is the window of c cells of `phase`.

        Small windows are c shifted views. Larger ones use doubling partials.
        """
        buf, base, step, pshape = phase
        op = self.op
        levels = c.bit_length() - 1
        if op is np.maximum:
            doubling_ops = levels + (0 if c == 1 << levels else 1)
        else:
            doubling_ops = levels + bin(c).count("1") - 1
        if c < 4 or doubling_ops >= c - 1:
            return [(buf, base, step, q) for q in range(c)]
        work = self.acc if self.acc is not None else dtype
        partials = {1: (buf, base, step)}
        w, n = 1, pshape[axis]
        while 2 * w <= c:
            pb, pbase, pstep = partials[w]
            n -= w
            shape = list(pshape)
            shape[axis] = n
            new = self._scratch(tuple(shape), work)
            self.steps.append(
                _binary(
                    op,
                    pb,
                    _idx(nd, axis, _strided(pbase, pstep, 0, n)),
                    pb,
                    _idx(nd, axis, _strided(pbase, pstep, w, n)),
                    new,
                    (slice(None),) * nd,
                    self.acc,
                )
            )
            w *= 2
            partials[w] = (new, 0, 1)
        if op is np.maximum:
            top = partials[w]
            return [(*top, 0)] if c == w else [(*top, 0), (*top, c - w)]
        pieces, off = [], 0
        while off < c:
            size = 1 << ((c - off).bit_length() - 1)
            pieces.append((*partials[size], off))
            off += size
        return pieces

    def _divide(self, src, shape, plans, nd):
        """B[1] = B[src] / number of real cells per window, one slab per window size."""
        per_axis = []
        for plan in plans:
            segs = []
            lo, hi = plan.lo, max(plan.hi, plan.lo)
            if lo > 0:
                segs.append((slice(0, lo), [plan.count(o) for o in range(lo)]))
            if hi > lo:
                segs.append((slice(lo, hi), plan.k))
            if plan.n_out > hi:
                segs.append((slice(hi, plan.n_out), [plan.count(o) for o in range(hi, plan.n_out)]))
            per_axis.append(segs)
        for combo in itertools.product(*per_axis):
            idx = [slice(None)] * nd
            div = 1
            for axis, (sl, count) in zip(range(2, 2 + len(plans)), combo):
                idx[axis] = sl
                if isinstance(count, list):
                    vec = np.asarray(count, dtype=self.acc).reshape((-1,) + (1,) * (nd - axis - 1))
                    count = vec
                div = div * count
            idx = tuple(idx)
            if isinstance(div, int) and div & (div - 1) == 0:
                # A power of two: multiplying by its reciprocal is exact.
                self.steps.append(_scale(np.multiply, src, idx, 1, idx, 1.0 / div, self.acc))
            else:
                self.steps.append(_scale(np.divide, src, idx, 1, idx, div, self.acc))

    def buffers(self, arena):
        """Views of one thread's arena (a uint8 array of at least arena_bytes) as B[2:]."""
        starts = [0, self.region_sizes[0], self.region_sizes[0] + self.region_sizes[1]]
        bufs = [None, None]
        for spec in self.specs:
            if spec[0] == "array":
                shape, dtype, (region, offset) = spec[1:]
                begin = starts[region] + offset
                size = int(np.prod(shape, dtype=np.int64)) * dtype.itemsize
                bufs.append(arena[begin : begin + size].view(dtype).reshape(shape))
            else:
                base, axis = bufs[spec[1]], spec[2]
                size = base.itemsize * int(np.prod(base.shape[axis + 1 :], dtype=np.int64))
                fused = base.reshape(base.shape[: axis + 1] + (-1,))
                bufs.append(fused.view(np.dtype((np.void, size)))[..., 0])
        return bufs

    def run(self, bufs, xb, ob):
        bufs[0], bufs[1] = xb, ob
        for step in self.steps:
            step(bufs)


@lru_cache(maxsize=256)
def _program(in_shape, plan_keys, mode, acc, in_dtype, out_dtype):
    plans = [_plan(*key) for key in plan_keys]
    op = np.maximum if mode == "max" else np.add
    return _Program(in_shape, plans, op, acc, in_dtype, out_dtype, mode == "average")


# ---------------------------------------------------------------------- tiny path


def _lowest(dtype):
    if dtype == np.bool_:
        return False
    if np.issubdtype(dtype, np.integer):
        return np.iinfo(dtype).min
    return -np.inf


@lru_cache(maxsize=256)
def _tiny_plan(shape, dtype, mode, pool_size, strides, padding, channels_last):
    """Padded shape, where x goes in it, the window view's shape/strides, and divisor."""
    n = len(pool_size)
    first = 1 if channels_last else 2
    plans = [
        _axis_plan(shape[first + i], pool_size[i], strides[i], padding == "same") for i in range(n)
    ]
    padded = list(shape)
    place = [slice(None)] * len(shape)
    need_pad = False
    for i, p in enumerate(plans):
        extent = max((p.n_out - 1) * p.s + p.k, p.before + p.n)
        padded[first + i] = extent
        place[first + i] = slice(p.before, p.before + p.n)
        need_pad |= extent != p.n
    item = np.dtype(dtype).itemsize
    cstrides = [item] * len(shape)
    for ax in range(len(shape) - 2, -1, -1):
        cstrides[ax] = cstrides[ax + 1] * padded[ax + 1]
    wshape = list(padded)
    wstrides = list(cstrides)
    for i, p in enumerate(plans):
        wshape[first + i] = p.n_out
        wstrides[first + i] = cstrides[first + i] * p.s
    wshape += list(pool_size)
    wstrides += [cstrides[first + i] for i in range(n)]
    axes = tuple(range(len(shape), len(shape) + n))
    divisor = None
    if mode == "average":
        grid = np.ones([1] * first + [p.n_out for p in plans] + [1] * (len(shape) - first - n))
        for i, p in enumerate(plans):
            counts = np.array([p.count(o) for o in range(p.n_out)], dtype=np.float64)
            vshape = [1] * len(shape)
            vshape[first + i] = p.n_out
            grid = grid * counts.reshape(vshape)
        acc = np.float64 if dtype == np.float64 else np.float32
        divisor = grid.astype(acc)
        if np.all(divisor == divisor.flat[0]):
            divisor = float(divisor.flat[0])
    fill = _lowest(np.dtype(dtype)) if mode == "max" else 0
    return (
        tuple(padded) if need_pad else None,
        tuple(place),
        fill,
        tuple(wshape),
        tuple(wstrides),
        axes,
        divisor,
    )


def _tiny(x, mode, pool_size, strides, padding, channels_last):
    padded, place, fill, wshape, wstrides, axes, divisor = _tiny_plan(
        x.shape, x.dtype, mode, pool_size, strides, padding, channels_last
    )
    if x.size == 0:
        return np.empty(wshape[: x.ndim], dtype=x.dtype)
    if padded is not None:
        src = np.full(padded, fill, dtype=x.dtype)
        src[place] = x
    elif x.flags.c_contiguous:
        src = x
    else:
        src = np.ascontiguousarray(x)
    windows = np.ndarray(wshape, dtype=x.dtype, buffer=src, strides=wstrides)
    if mode == "max":
        return np.maximum.reduce(windows, axis=axes)
    acc = np.float64 if x.dtype == np.float64 else np.float32
    total = np.add.reduce(windows, axis=axes, dtype=acc)
    return np.divide(total, divisor, out=np.empty(total.shape, x.dtype), dtype=acc)


# ------------------------------------------------------------------ 2-D fast path
#
# Contiguous 4-D float input, two spatial axes. The channels_first planes are treated
# as channels_last images with one channel, so both layouts become (images, H, W, C).
# In a C-contiguous block a shift along H or W is a shift of the flat buffer by W*C or
# C, so every separable pass is a few long 1-D ufunc calls; windows that wrap across a
# row or image end are garbage that is never copied out. The final copy (fused with the
# division) gathers the wanted windows straight into the output.

_FAST_DTYPES = (np.dtype(np.float32), np.dtype(np.float64))
# Longest window summed by a chain of ops (longer ones use doubling partials).
_CHAIN_MAX = 8


def _doubling_levels(op, k: int) -> int:
    """Doubling partials to build for a window of k cells, or 0 for a chain of k - 1 ops.

    Short windows chain: accumulating in place into one buffer measures faster than
    fewer ops over more buffers (k = 7: 16 ms against 24 ms on case 4).
    """
    if k <= _CHAIN_MAX:
        return 0
    levels = k.bit_length() - 1
    if op is np.maximum:
        cost = levels + (0 if k == 1 << levels else 1)
    else:
        cost = levels + bin(k).count("1") - 1
    return levels if cost < k - 1 else 0


def _flat_pass(op, src, n, d, k, dst, tmps):
    """op over src[j + i*d], i < k, for j < n - (k-1)*d, into dst. Returns the buffer.

    src and dst hold at least n elements; with k == 1 nothing is computed and src is
    returned. Large windows are built from doubling partials in tmps (never in dst's
    place), so every result is a short tree of ops, never a running sum.
    """
    if k == 1:
        return src
    size = n - (k - 1) * d
    levels = _doubling_levels(op, k)
    if not levels:
        op(src[:size], src[d : d + size], out=dst[:size])
        for i in range(2, k):
            op(dst[:size], src[i * d : i * d + size], out=dst[:size])
        return dst
    parts = {1: src}
    w, m = 1, n
    for lvl in range(levels):
        m -= w * d
        target = dst if 2 * w == k else tmps[lvl]
        op(parts[w][:m], parts[w][w * d : w * d + m], out=target[:m])
        w *= 2
        parts[w] = target
    if w == k:
        return dst
    if op is np.maximum:
        top = parts[w]
        op(top[:size], top[(k - w) * d : (k - w) * d + size], out=dst[:size])
        return dst
    pieces, off = [], 0
    while off < k:
        c = 1 << ((k - off).bit_length() - 1)
        pieces.append((parts[c], off))
        off += c
    (p0, o0), (p1, o1) = pieces[0], pieces[1]
    op(p0[o0 * d : o0 * d + size], p1[o1 * d : o1 * d + size], out=dst[:size])
    for p, o in pieces[2:]:
        op(dst[:size], p[o * d : o * d + size], out=dst[:size])
    return dst


def _store(dst, src, div):
    if div is None:
        np.copyto(dst, src)
    else:
        _divide_into(dst, src, div)


def _divide_into(dst, src, div):
    """dst = src / div. A power-of-two divisor multiplies by its reciprocal instead: the
    same result to the bit, and cheaper (case 7 channels_last: 2.20 -> 2.03 ms)."""
    if div & (div - 1) == 0:
        np.multiply(src, 1.0 / div, out=dst)
    else:
        np.divide(src, div, out=dst)


class _Fast2D:
    """One 2-D pooling problem on canonical (images, H, W, C) views X -> Y."""

    def __init__(self, X, Y, op, average, ph, pw):
        self.X, self.Y, self.op, self.average = X, Y, op, average
        self.ph, self.pw = ph, pw
        _, self.H, self.W, self.C = X.shape
        self.RW = self.W * self.C
        # Strided W windows that do not overlap (k <= s): reduce them straight into the
        # output from strided views. Overlapping ones reduce every window with long flat
        # ops and gather the wanted ones, which measures faster.
        self.w_direct = 1 < pw.s and pw.k <= pw.s
        self.w_levels = 0 if self.w_direct else _doubling_levels(op, pw.k)

    def _h_cost(self, m, row_mode):
        """Row-ops per output row of the H pass over bands of m output rows, with k
        shifted row views (row_mode) or doubling partials over the band's flat input rows;
        None if not allowed (a chain longer than _CHAIN_MAX loses accuracy)."""
        ph = self.ph
        levels = _doubling_levels(self.op, ph.k)
        if row_mode or not levels:
            return None if levels else ph.k - 1
        rows_in = (m - 1) * ph.s + ph.k
        cost = sum(rows_in - (2 << lvl) + 1 for lvl in range(levels))
        cost += (bin(ph.k).count("1") - 1) * (rows_in - ph.k + 1)
        return cost / m

    def blocks(self, target):
        """(image slice, r0, r1) blocks whose scratch buffers hold about `target`
        elements; whether the H pass uses row views; and the elements of each buffer."""
        N, ph, RW = self.X.shape[0], self.ph, self.RW
        rows = ph.n_out
        options = []
        for row_mode in (True, False):
            per_image = (rows if row_mode else self.H) * RW
            if per_image <= target:
                m = rows
            elif row_mode:
                m = max(1, target // RW)
            else:
                m = max(1, (target // RW - ph.k) // ph.s + 1)
            cost = self._h_cost(min(m, rows), row_mode)
            if cost is not None:
                options.append((cost, not row_mode, m, per_image))
        _, flat, m, per_image = min(options)
        row_mode = not flat
        if per_image <= target:
            g = max(1, target // per_image)
            g = -(-N // -(-N // g))
            return [(i, min(i + g, N), 0, rows) for i in range(0, N, g)], row_mode, g * per_image
        m = -(-rows // -(-rows // m))
        rows_in = min(self.H, (m - 1) * ph.s + ph.k)
        size = (m if row_mode else rows_in) * RW
        blocks = [(i, i + 1, r0, min(r0 + m, rows)) for i in range(N) for r0 in range(0, rows, m)]
        return blocks, row_mode, size

    def levels(self, row_mode):
        h = 0 if row_mode else _doubling_levels(self.op, self.ph.k)
        return max(h, self.w_levels)

    def run(self, i0, i1, r0, r1, row_mode, bufs, edge):
        X, Y, op, ph = self.X, self.Y, self.op, self.ph
        W, C, RW = self.W, self.C, self.RW
        g = i1 - i0
        Xb = X[i0:i1]
        Ob = Y[i0:i1]
        A, B, tmps = bufs[0], bufs[1], bufs[2:]
        lo, hi = max(r0, ph.lo), min(r1, ph.hi)
        if hi > lo:
            m = hi - lo
            first = lo * ph.s - ph.before
            if row_mode:
                n = g * m * RW
                T4 = A[:n].reshape(g, m, W, C)
                stop = first + (m - 1) * ph.s + 1
                views = [Xb[:, first + i : stop + i : ph.s] for i in range(ph.k)]
                if ph.k == 1:
                    np.copyto(T4, views[0])
                else:
                    op(views[0], views[1], out=T4)
                    for v in views[2:]:
                        op(T4, v, out=T4)
                hbuf, rows, rsl, valid = A, m, slice(None), n
            else:
                if g > 1:
                    a0, a1 = 0, self.H
                else:
                    a0, a1 = first, (hi - 1) * ph.s - ph.before + ph.k
                rows = a1 - a0
                n = g * rows * RW
                src = Xb[:, a0:a1].reshape(-1)
                hbuf = _flat_pass(op, src, n, RW, ph.k, A, tmps)
                valid = n - (ph.k - 1) * RW  # later cells of hbuf are unwritten
                start = first - a0
                rsl = slice(start, start + (m - 1) * ph.s + 1, ph.s)
            hsum = hbuf[:n].reshape(g, rows, W, C)[:, rsl]
            self._w_pass(hsum, hbuf, n, valid, rows, rsl, Ob[:, lo:hi], ph.k, B, tmps)
        for o in itertools.chain(range(r0, min(r1, ph.lo)), range(max(hi, lo, r0), r1)):
            a, b = ph.window(o)
            n = g * RW
            R = edge[:n].reshape(g, 1, W, C)
            op.reduce(Xb[:, a:b], axis=1, out=R[:, 0])
            self._w_pass(R, edge, n, n, 1, slice(None), Ob[:, o : o + 1], b - a, B, tmps)

    def _w_pass(self, hsum, hbuf, n, valid, rows, rsl, dst, hcount, B, tmps):
        """W pass of H sums `hsum` (g, m, W, C; rows `rsl` of hbuf[:n]) into dst.

        Only hbuf[:valid] is written: the flat pass reads no further, so no garbage
        (and no spurious floating-point warning) comes from unwritten scratch.
        """
        op, pw, C, W = self.op, self.pw, self.C, self.W
        g = hsum.shape[0]
        wlo, whi = pw.lo, max(pw.hi, pw.lo)
        avg = self.average
        if whi > wlo:
            c0 = wlo * pw.s - pw.before
            mw = whi - wlo
            out = dst[:, :, wlo:whi]
            if self.w_direct:
                stop = c0 + (mw - 1) * pw.s + 1
                views = [hsum[:, :, c0 + i : stop + i : pw.s] for i in range(pw.k)]
                if pw.k == 1:
                    _store(out, views[0], hcount if avg else None)
                else:
                    op(views[0], views[1], out=out)
                    for v in views[2:]:
                        op(out, v, out=out)
                    if avg:
                        _divide_into(out, out, hcount * pw.k)
            else:
                wbuf = _flat_pass(op, hbuf, valid, C, pw.k, B, tmps)
                csl = slice(c0, c0 + (mw - 1) * pw.s + 1, pw.s)
                res = wbuf[:n].reshape(g, rows, W, C)[:, rsl, csl]
                _store(out, res, hcount * pw.k if avg else None)
        for w in itertools.chain(range(0, wlo), range(whi, pw.n_out)):
            a, b = pw.window(w)
            out = dst[:, :, w]
            op.reduce(hsum[:, :, a:b], axis=2, out=out)
            if avg:
                _divide_into(out, out, hcount * (b - a))


def _run_blocks(jobs, threads, work):
    """Run `work` over the blocks in `jobs` on `threads` threads: the caller and pool
    workers pull blocks from one shared iterator until it runs dry."""
    if threads > 1:
        shared = iter(jobs)
        lock = threading.Lock()

        def pull():
            while True:
                with lock:
                    block = next(shared, None)
                if block is None:
                    return
                yield block

        executor = _get_executor()
        futures = [executor.submit(work, pull()) for _ in range(threads - 1)]
        try:
            work(pull())
        finally:
            for f in futures:
                f.result()
    else:
        work(jobs)


def _fast2d(x, out, mode, pool_size, strides, same, channels_last):
    if channels_last:
        X, Y = x, out
    else:
        N, C, H, W = x.shape
        X = x.reshape(N * C, H, W, 1)
        Y = out.reshape(N * C, out.shape[2], out.shape[3], 1)
    ph = _axis_plan(X.shape[1], pool_size[0], strides[0], same)
    pw = _axis_plan(X.shape[2], pool_size[1], strides[1], same)
    op = np.maximum if mode == "max" else np.add
    prob = _Fast2D(X, Y, op, mode == "average", ph, pw)
    threads = _threads_for(x.nbytes)
    item = x.dtype.itemsize
    budget = _budget(x.nbytes, threads) // item
    target = max(1, _BLOCK_BYTES // item)
    while True:
        blocks, row_mode, size = prob.blocks(target)
        g = blocks[0][1] - blocks[0][0]
        nbufs = 2 + prob.levels(row_mode)
        edge = g * prob.RW if ph.n_out > ph.hi or ph.lo > 0 else 0
        if size * nbufs + edge <= budget or target <= 1:
            break
        target = max(1, min(target // 2, (budget - edge) // nbufs))
    threads = min(threads, len(blocks))

    def work(items):
        arena = np.empty(nbufs * size + edge, dtype=x.dtype)
        bufs = [arena[i * size : (i + 1) * size] for i in range(nbufs)]
        edge_buf = arena[nbufs * size :]
        # Windows that wrap across a row end are computed and thrown away; an overflow
        # there must not warn or raise (errstate is per thread, so set it here).
        with np.errstate(over="ignore", invalid="ignore"):
            for i0, i1, r0, r1 in items:
                prob.run(i0, i1, r0, r1, row_mode, bufs, edge_buf)

    _run_blocks(blocks, threads, work)
    return out


# --------------------------------------------------------------------------- driver


def pool(
    x: np.ndarray,
    mode: str,
    pool_size: tuple[int, ...],
    strides: tuple[int, ...],
    padding: str,
    channels_last: bool,
) -> np.ndarray:
    """Pool `x` (batch, *spatial, channels) or (batch, channels, *spatial).

    `mode` is "average" or "max"; `padding` is "valid" or "same". Returns a new array
    of `x.dtype`; `x` is never written to. Average "same" divides by the number of real
    (unpadded) cells in each window; max "same" pads with cells that never win.
    """
    if kernel_choice(x, mode) == "numba":
        return pool_kernels_numba.pool(x, mode, pool_size, strides, padding, channels_last)
    if x.size <= _TINY_SIZE:
        return _tiny(x, mode, tuple(pool_size), tuple(strides), padding, channels_last)
    n = len(pool_size)
    first = 1 if channels_last else 2
    same = padding == "same"
    shape = x.shape
    plans = [_axis_plan(shape[first + i], pool_size[i], strides[i], same) for i in range(n)]
    dtype = x.dtype
    acc = None
    if mode == "average":
        acc = np.dtype(np.float64) if dtype == np.float64 else np.dtype(np.float32)

    out_shape = list(shape)
    for i, p in enumerate(plans):
        out_shape[first + i] = p.n_out
    out = np.empty(out_shape, dtype=dtype)
    if out.size == 0:
        return out
    if (
        n == 2
        and dtype in _FAST_DTYPES
        and x.flags.c_contiguous
        and all(p.n_out > 0 for p in plans)
    ):
        return _fast2d(x, out, mode, tuple(pool_size), tuple(strides), same, channels_last)
    # Canonical views (batch, planes, *spatial, channels): one of planes/channels is 1.
    if channels_last:
        xv, ov = x[:, None], out[:, None]
    else:
        xv, ov = x[..., None], out[..., None]

    threads = _threads_for(x.nbytes)
    # Extra memory is one arena per thread; keep it well under 1/8 of the input.
    budget = _budget(x.nbytes, threads)
    target = _BLOCK_BYTES
    for _ in range(4):
        blocks = _blocks(xv.shape, plans, (acc or dtype).itemsize, target)
        jobs = _jobs(blocks, xv, ov, plans, mode, acc, dtype)
        arena = max(job[0].arena_bytes for job in jobs)
        if arena <= budget or target <= 1:
            break
        target = max(1, target * budget // arena - 1)
    if threads > len(jobs):
        threads = len(jobs)

    def work(items):
        space = np.empty(arena, dtype=np.uint8)
        views = {}
        for prog, xb, ob in items:
            bufs = views.get(prog)
            if bufs is None:
                bufs = views[prog] = prog.buffers(space)
            prog.run(bufs, xb, ob)

    _run_blocks(jobs, threads, work)
    return out


def _blocks(shape, plans, item, target):
    """Blocks (batch slice, plane slice, r0, r1) of the canonical view `shape`.

    A block's first intermediate is about `target` bytes: several whole images, several
    planes of one image, or a band of output rows of one plane.
    """
    batch, planes = shape[0], shape[1]
    p0 = plans[0]
    rows = p0.n_out
    plane_bytes = item * rows * int(np.prod(shape[3:], dtype=np.int64))
    if planes * plane_bytes <= target:
        step = max(1, target // (planes * plane_bytes))
        step = -(-batch // -(-batch // step))  # even out the block sizes
        return [(slice(b, b + step), slice(None), 0, rows) for b in range(0, batch, step)]
    if plane_bytes <= target:
        step = max(1, target // plane_bytes)
        step = -(-planes // -(-planes // step))
        return [
            (slice(b, b + 1), slice(g, g + step), 0, rows)
            for b in range(batch)
            for g in range(0, planes, step)
        ]
    step = max(1, (target * rows) // plane_bytes)
    step = -(-rows // -(-rows // step))
    return [
        (slice(b, b + 1), slice(g, g + 1), r0, min(r0 + step, rows))
        for b in range(batch)
        for g in range(planes)
        for r0 in range(0, rows, step)
    ]


def _jobs(blocks, xv, ov, plans, mode, acc, dtype):
    """(program, input block, output block) for each block."""
    p0 = plans[0]
    rest_keys = tuple(p.key for p in plans[1:])
    jobs = []
    for bs, gs, r0, r1 in blocks:
        in0, in1, slab = p0.rows(r0, r1)
        xb = xv[bs, gs, in0:in1]
        prog = _program(xb.shape, (slab.key,) + rest_keys, mode, acc, dtype, dtype)
        jobs.append((prog, xb, ov[bs, gs, r0:r1]))
    return jobs
