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
    s, k = plan.s, plan.k
    i0, i1 = max(o0, plan.lo), min(o1, plan.hi)
    if i1 > i0:
        m = i1 - i0
        start = i0 * s - plan.before
        span = (m - 1) * s + 1
        out = dst[_index(nd, axis, slice(i0 - o0, i1 - o0))]
        if k == 1:
            np.copyto(out, src[_index(nd, axis, slice(start, start + span, s))])
        elif not plan.doubling:
            op(
                src[_index(nd, axis, slice(start, start + span, s))],
                src[_index(nd, axis, slice(start + 1, start + 1 + span, s))],
                out=out,
                dtype=acc,
            )
            for j in range(2, k):
                op(out, src[_index(nd, axis, slice(start + j, start + j + span, s))], out=out)
        else:
            _doubling(src[_index(nd, axis, slice(start, start + span + k - 1))], out, axis, plan,
                      op, acc)
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


def _doubling(seg, out, axis, plan, op, acc):
    """Window reductions of length k at stride s over `seg`, via partials of 2**j cells."""
    nd = seg.ndim
    k, s = plan.k, plan.s
    m = out.shape[axis]
    span = (m - 1) * s + 1
    partials = {1: seg}
    w = 1
    while 2 * w <= k:
        p = partials[w]
        n = p.shape[axis] - w
        partials[2 * w] = op(
            p[_index(nd, axis, slice(0, n))], p[_index(nd, axis, slice(w, w + n))], dtype=acc
        )
        w *= 2
    top = w
    if op is np.maximum:
        # max is idempotent: two overlapping top-level partials cover the window.
        pieces = [(0, top), (k - top, top)]
    else:
        pieces, off, rest = [], 0, k
        for size in sorted(partials, reverse=True):
            if rest >= size:
                pieces.append((off, size))
                off += size
                rest -= size
    (off, size), *others = pieces
    first = partials[size][_index(nd, axis, slice(off, off + span, s))]
    if not others:
        np.copyto(out, first)
        return
    off2, size2 = others[0]
    op(first, partials[size2][_index(nd, axis, slice(off2, off2 + span, s))], out=out, dtype=acc)
    for off, size in others[1:]:
        op(out, partials[size][_index(nd, axis, slice(off, off + span, s))], out=out)


def _run_block(xb, ob, plans, spatial_axes, r0, r1, op, acc, divisor):
    """Pool one block: `xb` all rows of some planes/images, `ob` their output rows [r0, r1)."""
    cur = xb
    last = len(plans) - 1
    for d, (axis, plan) in enumerate(zip(spatial_axes, plans)):
        o0, o1 = (r0, r1) if d == 0 else (0, plan.n_out)
        if d == last and (divisor is None or ob.dtype == acc):
            dst = ob
        else:
            shape = list(cur.shape)
            shape[axis] = o1 - o0
            dst = np.empty(shape, dtype=acc if acc is not None else cur.dtype)
        _reduce_axis(cur, dst, axis, plan, o0, o1, op, acc)
        cur = dst
    if divisor is not None:
        if isinstance(divisor, np.ndarray):
            divisor = divisor[r0:r1]
        np.divide(cur, divisor, out=ob, dtype=acc)


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
    divisor = None
    if mode == "average":
        divisor = _count_array(plans, 2, n + 3)
        if isinstance(divisor, np.ndarray):
            divisor = divisor[0, 0].astype(acc)

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
            _run_block(xv[bs, gs], ob, plans, spatial_axes, r0, r1, op, acc, divisor)

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
