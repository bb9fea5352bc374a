"""NumPy kernels for windowed pooling (average and max) over 1, 2 or 3 spatial axes.

The public entry point is :func:`pool`. It takes arguments that the ops layer has
already checked and normalized, so it does no validation of its own.

How it is fast:

* Separable passes. A k1 x k2 (x k3) window is reduced one spatial axis at a time,
  outermost axis first, so every pass is a handful of whole-array ``np.add`` /
  ``np.maximum`` calls over shifted, strided views (no per-window Python work).
  Overlapping windows (stride < pool) use doubling partials: sums/maxima over 2, 4,
  8, ... cells, so a window of k costs O(log k) array operations instead of k - 1.
  Every sum is a short tree of adds over at most ``k`` cells, never a running or
  cumulative sum, so large windows and large values stay accurate.
* "same" borders. Output cells whose window sticks out of the input are reduced from
  their own clipped slices; nothing is padded and the input is never copied.
  Averages divide by the number of real cells, max simply never sees a pad.
* Blocks and threads. Work is cut into blocks (a few images, a few planes, or a band
  of output rows of one image) whose intermediates fit in the L2 cache, and the
  blocks are shared out to a small, lazily created thread pool (NumPy releases the
  GIL inside its loops). Extra memory is a few cache-sized buffers per thread.
* Tiny inputs skip all of that: one strided window view and one reduction.
"""

from __future__ import annotations

import itertools
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from functools import lru_cache

import numpy as np

__all__ = ["pool", "same_padding"]

# Target size, in bytes, of one block's largest intermediate. Two of these per thread
# stay comfortably inside a 1-2 MiB L2 cache.
_BLOCK_BYTES = 256 * 1024
# Inputs smaller than this run on the calling thread only.
_THREAD_MIN_BYTES = 1 << 20
# Inputs with at most this many elements take the single-reduction path.
_TINY_SIZE = 4096
_MAX_THREADS = 8
# A strided pass first gathers each phase into a compact buffer when the contiguous run
# of memory per cell is in this range (bytes): longer runs are already fast, and single
# elements gather no faster than they add.
_GATHER_MIN = 16
_GATHER_MAX = 2048

_executor: ThreadPoolExecutor | None = None
_executor_lock = threading.Lock()


def _thread_count() -> int:
    return max(1, min(os.cpu_count() or 1, _MAX_THREADS))


def _get_executor() -> ThreadPoolExecutor:
    global _executor
    if _executor is None:
        with _executor_lock:
            if _executor is None:
                _executor = ThreadPoolExecutor(
                    max_workers=_thread_count() - 1, thread_name_prefix="rstyle-pool"
                )
    return _executor


def same_padding(size: int, pool: int, stride: int) -> tuple[int, int]:
    """Pads (before, after) of TensorFlow-style "same" padding: the odd cell goes after."""
    out = -(-size // stride)
    total = max((out - 1) * stride + pool - size, 0)
    return total // 2, total - total // 2


class _AxisPlan:
    """Everything about one spatial axis that does not depend on the data."""

    __slots__ = ("n", "k", "s", "before", "n_out", "lo", "hi", "counts", "full", "doubling")

    def __init__(self, n: int, k: int, s: int, same: bool) -> None:
        self.n, self.k, self.s = n, k, s
        if same:
            self.before = same_padding(n, k, s)[0]
            self.n_out = -(-n // s)
        else:
            self.before = 0
            self.n_out = (n - k) // s + 1
        b = self.before
        # Interior outputs [lo, hi): windows that lie wholly inside the input.
        self.lo = min(-(-b // s), self.n_out)
        self.hi = max(min((n + b - k) // s + 1, self.n_out), self.lo) if n + b >= k else self.lo
        counts = [min(o * s - b + k, n) - max(o * s - b, 0) for o in range(self.n_out)]
        self.counts = np.asarray(counts, dtype=np.float64)
        self.full = all(c == k for c in counts)
        # Doubling partials pay off when they need fewer array passes than k - 1.
        levels = k.bit_length() - 1
        self.doubling = k >= 4 and s < k and levels * s + bin(k).count("1") - 1 < k - 1

    def window(self, o: int) -> tuple[int, int]:
        start = o * self.s - self.before
        return max(start, 0), min(start + self.k, self.n)


@lru_cache(maxsize=512)
def _plan(n: int, k: int, s: int, same: bool) -> _AxisPlan:
    return _AxisPlan(n, k, s, same)


def _index(ndim: int, axis: int, sl: slice) -> tuple:
    idx = [slice(None)] * ndim
    idx[axis] = sl
    return tuple(idx)


def _reduce_axis(src, dst, axis, plan, o0, o1, op, acc):
    """dst[axis = o - o0] = reduction of src's window o along `axis`, for o in [o0, o1).

    `src` holds the whole extent of the axis; `dst` holds o1 - o0 cells along it.
    `op` is np.add or np.maximum; `acc` is the dtype to add in (None for max).
    """
    nd = src.ndim
    i0, i1 = max(o0, plan.lo), min(o1, plan.hi)
    if i1 > i0:
        out = dst[_index(nd, axis, slice(i0 - o0, i1 - o0))]
        _interior(src, out, axis, plan, i0 * plan.s - plan.before, i1 - i0, op, acc)
    borders = itertools.chain(range(o0, i0), range(i1, o1)) if i1 > i0 else range(o0, o1)
    for o in borders:
        a, b = plan.window(o)
        op.reduce(
            src[_index(nd, axis, slice(a, b))],
            axis=axis,
            dtype=acc,
            out=dst[_index(nd, axis, slice(o - o0, o - o0 + 1))],
            keepdims=True,
        )


def _chunk_view(a, axis):
    """`a` with the cells after `axis` fused into one opaque item, or None if not possible."""
    tail = a.shape[axis + 1:]
    item = a.itemsize
    size = item
    for n, st in zip(reversed(tail), reversed(a.strides[axis + 1:])):
        if n != 1 and st != size:
            return None
        size *= n
    v = a.reshape(a.shape[: axis + 1] + (size // item,))
    return v.view(np.dtype((np.void, size)))[..., 0]


def _interior(src, out, axis, plan, start, m, op, acc):
    """Windows of length k at stride s over src[start:], m of them, reduced into `out`.

    The windows are split by phase (cell index mod s). Each phase is a stride-1 window
    problem over every s-th cell; phases whose cells are short runs of memory are first
    gathered into a compact buffer (a plain copy), so that every reduction below runs
    over long contiguous stretches.
    """
    nd = src.ndim
    k, s = plan.k, plan.s
    pieces = []  # (array, offset along axis): out = op over array[offset : offset + m]
    chunk = int(np.prod(src.shape[axis + 1:])) * src.itemsize
    gather = s > 1 and _GATHER_MIN <= chunk <= _GATHER_MAX
    for p in range(min(s, k)):
        c = (k - p + s - 1) // s  # window cells in this phase
        n = m + c - 1  # phase cells needed
        a = start + p
        phase = src[_index(nd, axis, slice(a, a + (n - 1) * s + 1, s))]
        if gather:
            fused = _chunk_view(phase, axis)
            if fused is not None:
                buf = np.empty(phase.shape, dtype=phase.dtype)
                np.copyto(_chunk_view(buf, axis), fused)
                phase = buf
        pieces.extend(_window_pieces(phase, axis, c, op, acc))
    (a0, f0), *rest = pieces
    first = a0[_index(nd, axis, slice(f0, f0 + m))]
    if not rest:
        np.copyto(out, first, casting="unsafe" if acc is not None else "same_kind")
        return
    a1, f1 = rest[0]
    op(first, a1[_index(nd, axis, slice(f1, f1 + m))], out=out, dtype=acc)
    for a2, f2 in rest[1:]:
        op(out, a2[_index(nd, axis, slice(f2, f2 + m))], out=out, dtype=acc)


def _window_pieces(a, axis, c, op, acc):
    """Pieces (array, offset) whose op over [offset : offset + m] is the stride-1 window of c.

    Small windows are the c shifted views of `a`. Larger ones use doubling partials
    (reductions over 2, 4, 8, ... cells), which cost O(log c) passes.
    """
    levels = c.bit_length() - 1
    if op is np.maximum:
        doubling_ops = levels + (0 if c == 1 << levels else 1)
    else:
        doubling_ops = levels + bin(c).count("1") - 1
    if c < 4 or doubling_ops >= c - 1:
        return [(a, q) for q in range(c)]
    nd = a.ndim
    partials = {1: a}
    w = 1
    while 2 * w <= c:
        prev = partials[w]
        n = prev.shape[axis] - w
        partials[2 * w] = op(
            prev[_index(nd, axis, slice(0, n))], prev[_index(nd, axis, slice(w, w + n))], dtype=acc
        )
        w *= 2
    if op is np.maximum:
        return [(partials[w], 0)] if c == w else [(partials[w], 0), (partials[w], c - w)]
    pieces, off = [], 0
    while off < c:
        size = 1 << ((c - off).bit_length() - 1)
        pieces.append((partials[size], off))
        off += size
    return pieces


def _run_block(xb, ob, plans, spatial_axes, r0, r1, op, acc, average):
    """Pool one block: `xb` all rows of some planes/images, `ob` their output rows [r0, r1)."""
    cur = xb
    last = len(plans) - 1
    for d, (axis, plan) in enumerate(zip(spatial_axes, plans)):
        o0, o1 = (r0, r1) if d == 0 else (0, plan.n_out)
        if d == last and (not average or ob.dtype == acc):
            dst = ob
        else:
            shape = list(cur.shape)
            shape[axis] = o1 - o0
            dst = np.empty(shape, dtype=acc if acc is not None else cur.dtype)
        _reduce_axis(cur, dst, axis, plan, o0, o1, op, acc)
        cur = dst
    if average:
        _divide(cur, ob, plans, spatial_axes, r0, r1, acc)


def _segments(plan, o0, o1):
    """Split outputs [o0, o1) into runs of equal window size: (slice, count or vector)."""
    segs = []
    lo, hi = max(o0, min(plan.lo, o1)), min(o1, max(plan.hi, o0))
    if plan.lo >= plan.hi:
        lo = hi = o1
    if lo > o0:
        segs.append((slice(0, lo - o0), plan.counts[o0:lo]))
    if hi > lo:
        segs.append((slice(lo - o0, hi - o0), plan.k))
    if o1 > hi:
        segs.append((slice(hi - o0, o1 - o0), plan.counts[hi:o1]))
    return segs


def _divide(total, ob, plans, spatial_axes, r0, r1, acc):
    """ob = total / (number of real cells in each window), slab by slab."""
    nd = total.ndim
    per_axis = [
        _segments(plan, r0, r1) if d == 0 else _segments(plan, 0, plan.n_out)
        for d, plan in enumerate(plans)
    ]
    for combo in itertools.product(*per_axis):
        idx = [slice(None)] * nd
        div = 1
        for axis, (sl, count) in zip(spatial_axes, combo):
            idx[axis] = sl
            if isinstance(count, np.ndarray):
                shape = [1] * (nd - axis)
                shape[0] = count.size
                count = count.reshape(shape).astype(acc)
            div = div * count
        idx = tuple(idx)
        if isinstance(div, int) and div & (div - 1) == 0:
            # Dividing by a power of two is exact as a multiplication by its reciprocal.
            np.multiply(total[idx], 1.0 / div, out=ob[idx], dtype=acc)
        else:
            np.divide(total[idx], div, out=ob[idx], dtype=acc)


def _tiny(x, mode, pool_size, strides, padding, channels_last, plans, acc):
    """Whole-array path for small inputs: one window view, one reduction."""
    n = len(pool_size)
    first = 1 if channels_last else 2
    if padding == "same" and not all(p.before == 0 and p.full for p in plans):
        shape = list(x.shape)
        idx = [slice(None)] * x.ndim
        for i, p in enumerate(plans):
            extra = max((p.n_out - 1) * p.s + p.k - p.n, 0)
            shape[first + i] = p.n + extra
            idx[first + i] = slice(p.before, p.before + p.n)
        if mode == "max":
            fill = _lowest(x.dtype)
        else:
            fill = 0
        src = np.full(shape, fill, dtype=x.dtype)
        src[tuple(idx)] = x
    else:
        src = np.ascontiguousarray(x)
    st = src.strides
    item = src.itemsize
    del item
    oshape = list(src.shape)
    ostrides = list(st)
    for i, p in enumerate(plans):
        oshape[first + i] = p.n_out
        ostrides[first + i] = st[first + i] * p.s
    wshape = tuple(oshape) + tuple(pool_size)
    wstrides = tuple(ostrides) + tuple(st[first + i] for i in range(n))
    windows = np.ndarray(wshape, dtype=src.dtype, buffer=src, strides=wstrides)
    axes = tuple(range(x.ndim, x.ndim + n))
    if mode == "max":
        return np.maximum.reduce(windows, axis=axes)
    total = np.add.reduce(windows, axis=axes, dtype=acc)
    return np.divide(total, _count_array(plans, first, x.ndim), dtype=acc).astype(
        x.dtype, copy=False
    )


def _lowest(dtype):
    if dtype == np.bool_:
        return False
    if np.issubdtype(dtype, np.integer):
        return np.iinfo(dtype).min
    return -np.inf


def _count_array(plans, first, ndim):
    """Divisor for averages: a scalar when every window is full, else a broadcast array."""
    if all(p.full for p in plans):
        return float(np.prod([p.k for p in plans]))
    return _count_grid(tuple((p.n, p.k, p.s) for p in plans), first, ndim)


@lru_cache(maxsize=64)
def _count_grid(specs, first, ndim):
    counts = None
    for i, (n, k, s) in enumerate(specs):
        c = _plan(n, k, s, True).counts
        shape = [1] * len(specs)
        shape[i] = c.size
        c = c.reshape(shape)
        counts = c if counts is None else counts * c
    shape = [1] * first + list(counts.shape) + [1] * (ndim - first - len(specs))
    grid = counts.reshape(shape)
    grid.flags.writeable = False
    return grid


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
    n = len(pool_size)
    first = 1 if channels_last else 2
    same = padding == "same"
    shape = x.shape
    plans = [_plan(shape[first + i], pool_size[i], strides[i], same) for i in range(n)]
    dtype = x.dtype
    if mode == "max":
        op, acc = np.maximum, None
    else:
        op = np.add
        acc = np.dtype(np.float64) if dtype == np.float64 else np.dtype(np.float32)
    if x.size <= _TINY_SIZE:
        return _tiny(x, mode, pool_size, strides, padding, channels_last, plans, acc)

    out_shape = list(shape)
    for i, p in enumerate(plans):
        out_shape[first + i] = p.n_out
    out = np.empty(out_shape, dtype=dtype)
    # Canonical 4-6 dim views: (batch, planes, *spatial, channels).
    if channels_last:
        xv, ov = x[:, None], out[:, None]
    else:
        xv, ov = x[..., None], out[..., None]
    spatial_axes = tuple(range(2, 2 + n))
    average = mode == "average"

    batch, planes = xv.shape[0], xv.shape[1]
    item = np.dtype(acc).itemsize if acc is not None else dtype.itemsize
    p0 = plans[0]
    # Bytes of the first pass's result for one plane (all rows), the largest intermediate.
    plane_bytes = item * p0.n_out * int(np.prod(xv.shape[3:]))
    rows = p0.n_out
    blocks = []
    if planes * plane_bytes <= _BLOCK_BYTES:
        step = max(1, _BLOCK_BYTES // max(planes * plane_bytes, 1))
        for b0 in range(0, batch, step):
            blocks.append((slice(b0, b0 + step), slice(None), 0, rows))
    elif plane_bytes <= _BLOCK_BYTES:
        step = max(1, _BLOCK_BYTES // max(plane_bytes, 1))
        for b in range(batch):
            for g0 in range(0, planes, step):
                blocks.append((slice(b, b + 1), slice(g0, g0 + step), 0, rows))
    else:
        step = max(1, (_BLOCK_BYTES * rows) // plane_bytes)
        for b in range(batch):
            for g in range(planes):
                for r0 in range(0, rows, step):
                    blocks.append((slice(b, b + 1), slice(g, g + 1), r0, min(r0 + step, rows)))

    def work(it):
        for bs, gs, r0, r1 in it:
            ob = ov[bs, gs]
            ob = ob[_index(ob.ndim, 2, slice(r0, r1))]
            _run_block(xv[bs, gs], ob, plans, spatial_axes, r0, r1, op, acc, average)

    threads = _thread_count()
    if threads > 1 and len(blocks) > 1 and x.nbytes >= _THREAD_MIN_BYTES:
        shared = iter(blocks)
        lock = threading.Lock()

        def pull():
            while True:
                with lock:
                    item = next(shared, None)
                if item is None:
                    return
                yield item

        executor = _get_executor()
        futures = [executor.submit(work, pull()) for _ in range(min(threads, len(blocks)) - 1)]
        try:
            work(pull())
        finally:
            for f in futures:
                f.result()
    else:
        work(blocks)
    return out
