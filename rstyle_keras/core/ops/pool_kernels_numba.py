"""Compiled pooling kernels (numba), used when the optional ``fast`` extra is installed.

The public entry point is :func:`pool`, with the same arguments and results as
``pool_kernels.pool`` (the NumPy kernels, which stay the fallback and the reference these
are tested against). Importing this module does not import numba: the kernels are built,
and numba imported, on the first call (:func:`kernels`). They are compiled with
``cache=True``, so a later process loads the machine code from numba's on-disk cache
(``__pycache__`` beside this file, or numba's user cache directory where that is read-only,
or ``NUMBA_CACHE_DIR``) instead of compiling again. They run on numba's thread pool, whose
size follows numba's settings (``NUMBA_NUM_THREADS``, ``numba.set_num_threads``).

How they work. A C-contiguous input is read as a flat array of rows (batch, planes,
D, H), a row being the W x C cells of one (d, h) line: channels_last data has one plane
and C channels, channels_first data has C planes of one channel, and 1-D/2-D pooling has
unit D (and H) axes. A non-contiguous input is copied a few images at a time (1/8 of
the batch), never whole. Output rows (batch, plane, od, oh) are cut into 4 chunks per
thread, handed out one at a time, so a thread slowed by other work takes fewer; inputs
under 64 KB are one chunk, pooled on the calling thread. Within a chunk the row's
(plane, od, oh) is counted on, not divided out. For each output row:

* 2-D windows of 2 or 3 rows and 2 or 3 columns (kd = 1) whose rows all lie inside the
  input are reduced straight from the input rows into the output, no scratch row: on
  channels_last rows (a flat loop at stride 1, a loop over each output's channels at
  larger strides) and on rows of one channel for 2 columns at stride 2. Measured on one
  core, this took case 2 channels_last from 29 to 21 ms (the 28 KB scratch row, written
  and read back for each output row, fell out of the L1 cache), against 15.5 ms for a
  plain copy. Rows of one channel at stride 1, or 3 columns at stride 2 (whose taps the
  compiler would gather one by one), take the two passes below.
* Otherwise the vertical pass reduces the window's kd x kh input rows (clipped to the
  input under "same") into one scratch row, 3 or 4 rows per loop, a long loop the
  compiler vectorizes; the horizontal pass reduces each output's kw cells of that
  scratch row straight into the output, scaled on the way for averages: stride-1
  windows (and channels_first stride-2 ones) as flat loops over the whole row,
  channels_last strided ones over the channels of each output.
* Rows of one channel under 2-D windows of 2 or 3 rows and columns at column stride 1,
  or 3 columns at stride 2, take the same two passes in kernels of their own (`lean`),
  compiled when first used: in the general kernel's loop, among all the other cases'
  branches and values, case 3 channels_first took 1.13x the time on one thread and
  1.12x to 1.13x on two.
* Averages are scaled by 1 / (number of real cells), the same rule as the NumPy kernels;
  outputs whose windows are clipped by the row's ends are done one by one after the rest.

Windows of up to 3 rows and 3 columns are written out inline; measured on case 7
channels_first (rows of 28 cells), going through the general helpers cost 5x more per
row. Loops index flat arrays at unsigned offsets: with signed indices numba checks for
negative ones, and the check stops vectorization (8x slower measured).

Memory. Scratch is a row or two per chunk, at most 1/16 of the input; sets of up to
1 MB are kept for the next call of the same shape (at most 16 sets). An output of
32 MB or more lives in an anonymous memory map, and when nothing references an output
any more its map is kept (at most two unused ones, the most recently freed) for the next
output of the same size (`_output`): glibc's malloc maps blocks that large afresh for
every array, and the operating system zeroes each new page on first touch (on 2 cores, a
plain copy into a fresh 103 MB array took 16-20 ms, longer than TensorFlow's whole
pooling of case 2, whose allocator keeps its memory). `release_outputs()` lets the
unused maps go.

Sums: float32 windows of up to 8 cells per pass (kd*kh rows, kw columns) are summed in
float32, as Keras does; longer windows are summed in float64, so large windows and large
values do not drift; float64 sums in float64; float16 is read through an exact lookup
table into float32, summed in float32 and rounded back to float16 (round to nearest even,
as NumPy's ``astype``). Max compares with NaN winning (as ``np.maximum``); pads never take
part. Integers and bool (as uint8) are compared in their own type.
"""

from __future__ import annotations

import importlib.util
import math
import mmap
import threading
import warnings
import weakref

import numpy as np

__all__ = ["available", "kernels", "pool", "release_outputs", "supports"]

# A pass longer than this many cells sums float32 in float64 (see the module docstring).
_F32_CHAIN_MAX = 8
# Output rows are cut into this many chunks per thread, handed out one at a time
# (numba's parallel chunk size 1), so a thread slowed by other work on its core takes
# fewer chunks instead of holding up the rest. Measured on 16 cores (cases 1, 3, 5 and 7
# channels_last, interleaved with torch): 4 chunks a thread ran case 7 (0.17 ms) 1.3x
# faster than 16, and no case slower than 1, 2 or 16 chunks by more than noise.
_CHUNKS_PER_THREAD = 4
# Inputs of fewer bytes are pooled in one chunk on the calling thread, without the thread
# pool. On 2 idle cores (float32, 2x2 and 3x3 windows, both formats, 21 interleaved
# rounds) one thread took 0.43-0.79x the pool's time on 16-32 KB inputs, 0.64-1.22x on
# 64 KB and 0.78-1.44x on 128 KB. With the cores busy with other work, a parallel call
# waits for the scheduler to run its threads: 7.7-7.9 ms a call whatever its size,
# against 3-260 us for the same inputs (16 KB-4 MB) on one thread.
_SERIAL_MAX_BYTES = 64 << 10

# Outputs of at least this many bytes reuse the memory of an earlier output that nothing
# references any more (see _output); glibc's malloc maps blocks this large afresh for each
# array (up to 32 MB it reuses freed heap memory itself), and the operating system then
# zeroes every page on first touch.
_REUSE_MIN_BYTES = 32 << 20
# At most this many such blocks are kept while unused.
_REUSE_MAX_IDLE = 2
# Scratch sets of at most this many bytes are kept for later calls, at most this many sets.
_KEEP_SCRATCH_BYTES = 1 << 20
_KEEP_SCRATCH_SETS = 16
_idle: list = []  # unused output blocks (mmap objects), the most recently freed last
_kept: dict = {}  # small scratch sets kept for the next call (used under _call_lock)

_kernels = None
_lock = threading.Lock()
_call_lock = threading.Lock()
_half_table = None


def available() -> bool:
    """Whether numba is installed (checked without importing it)."""
    return importlib.util.find_spec("numba") is not None


def supports(x: np.ndarray, mode: str) -> bool:
    """Whether these kernels handle x's dtype for `mode` (average needs floats)."""
    kind = x.dtype.kind
    if mode == "average":
        return kind == "f" and x.dtype.itemsize in (2, 4, 8)
    return kind in "biuf" and (kind != "f" or x.dtype.itemsize in (2, 4, 8))


def loads() -> bool:
    """Whether the kernels build (numba imports and compiles or loads them); warns if not."""
    try:
        kernels()
    except Exception as e:  # noqa: BLE001 - a broken numba install must not break pooling
        warnings.warn(
            f"numba is installed but its pooling kernels failed to build ({type(e).__name__}: "
            f"{e}); using the NumPy kernels.",
            RuntimeWarning,
            stacklevel=3,
        )
        return False
    return True


def kernels():
    """(average kernel, max kernel, parallel driver), built (and numba imported) on first use."""
    global _kernels
    if _kernels is None:
        with _lock:
            if _kernels is None:
                _kernels = _build()
    return _kernels


class _Deferred:
    """A truth value computed by `probe` when first asked for, then kept."""

    def __init__(self, probe):
        self._probe, self._value = probe, None

    def __bool__(self):
        if self._value is None:
            self._value = bool(self._probe())
        return self._value


class _NoLinalgHere:
    """Import finder: `scipy.linalg` is not found from the thread that made it, only."""

    def __init__(self):
        self.thread = threading.get_ident()

    def find_spec(self, name, path=None, target=None):
        if name == "scipy.linalg" and threading.get_ident() == self.thread:
            raise ModuleNotFoundError("scipy.linalg deferred", name=name)
        return None


# numba.np.arraymath, which numba loads before running any compiled code, runs this
# probe when imported, and the probe imports scipy.linalg.
_BLAS_PROBE = "_HAVE_BLAS = _check_blas()"


def _import_numba():
    """Import numba, leaving its BLAS probe for when numba code first needs BLAS.

    Where SciPy is installed, numba's probe imports all of scipy.linalg (about 0.12 s of
    the 0.48 s a first call took in a fresh process on the 2-core machine) although
    pooling uses no BLAS. The probe runs instead when numba first asks whether BLAS is
    there, with the same answer. Only this thread's import of scipy.linalg is held
    back, only while numba.np.arraymath loads, and only where that module's source
    holds the probe as expected.
    """
    import sys

    import numba  # noqa: F401

    if "numba.np.arraymath" in sys.modules or "scipy.linalg" in sys.modules:
        return
    try:
        with open(importlib.util.find_spec("numba.np.arraymath").origin, encoding="utf-8") as f:
            if _BLAS_PROBE not in f.read():
                return
    except (OSError, TypeError, AttributeError):
        return
    finder = _NoLinalgHere()
    sys.meta_path.insert(0, finder)
    try:
        import numba.np.arraymath as arraymath
    finally:
        sys.meta_path.remove(finder)
    if arraymath._HAVE_BLAS is False:  # the probe failed here; ask again when needed
        arraymath._HAVE_BLAS = _Deferred(arraymath._check_blas)


def _build():
    # The compiled functions are module globals, not closure cells: numba's cache key
    # includes a closure's cell values, and a dispatcher pickles with a per-process id, so
    # kernels closing over helpers would miss the cache in every new process. The
    # kernels close over one bool (is_max), which keys the two apart in one cache index.
    global f32_to_f16_bits, vmax, op, sc, combine, combine_acc, taps, vertical, edge
    global chunk_function, set_chunksize, num_threads, lean_avg, lean_max
    _import_numba()
    from llvmlite import ir
    from numba import get_num_threads, njit, prange
    from numba.core import cgutils, types
    from numba.extending import intrinsic

    get_num_threads()  # starts numba's threading layer, whose functions the code below calls

    opts = dict(cache=True, nogil=True, error_model="numpy")

    @njit(inline="always", **opts)
    def f32_to_f16_bits(a):
        """Bits of the float16 nearest (ties to even) to the float32 with bits `a`."""
        sign = (a >> 16) & 0x8000
        a = a & 0x7FFFFFFF
        if a >= 0x7F800000:  # inf or NaN
            if a > 0x7F800000:
                return sign | 0x7E00 | ((a >> 13) & 0x3FF)
            return sign | 0x7C00
        if a >= 0x47800000:  # 65536 or more: inf
            return sign | 0x7C00
        if a >= 0x38800000:  # a normal float16 (2**-14 or more)
            a = a + 0xFFF + ((a >> 13) & 1) - (112 << 23)
            return sign | (a >> 13)
        e = a >> 23
        if e < 102:  # below 2**-25: rounds to zero
            return sign
        m = (a & 0x7FFFFF) | 0x800000
        shift = 126 - e
        q = m >> shift
        rem = m & ((1 << shift) - 1)
        half = 1 << (shift - 1)
        if rem > half or (rem == half and (q & 1) == 1):
            q += 1
        return sign | q

    @njit(inline="always", **opts)
    def vmax(m, v):
        # NaN wins, as np.maximum: v replaces m if larger or NaN; a NaN m stays.
        return v if (v > m or v != v) else m

    @njit(inline="always", **opts)
    def op(a, b, is_max):
        return vmax(a, b) if is_max else a + b

    @njit(inline="always", **opts)
    def sc(v, inv, scale):
        return v * inv if scale else v

    # The loops below index flat arrays at unsigned offsets: with a signed index numba
    # adds a wraparound check for negative indices, which stops vectorization (8x slower
    # measured), and with slices it pays for a view per row (26 -> 68 ns a short row).
    # A pass combines up to 4 sources, so scratch is loaded and stored once per 3 or 4
    # window cells, not once per cell (3x3 sums of a 7168-cell row: 3.4 -> 1.0 us).

    @njit(**opts)
    def combine(dst, do, src, o0, o1, o2, o3, n, stride, m, is_max, inv, scale):
        """dst[do + i] = (op over src[o_q + stride*i], q < n) * (inv if scale), i < m."""
        U = np.uint64
        if stride == 1:
            if n == 1:
                for i in range(m):
                    v = src[U(o0 + i)]
                    dst[U(do + i)] = v * inv if scale else v
            elif n == 2:
                for i in range(m):
                    v = op(src[U(o0 + i)], src[U(o1 + i)], is_max)
                    dst[U(do + i)] = v * inv if scale else v
            elif n == 3:
                for i in range(m):
                    v = op(op(src[U(o0 + i)], src[U(o1 + i)], is_max), src[U(o2 + i)], is_max)
                    dst[U(do + i)] = v * inv if scale else v
            else:
                for i in range(m):
                    v = op(src[U(o0 + i)], src[U(o1 + i)], is_max)
                    v = op(op(v, src[U(o2 + i)], is_max), src[U(o3 + i)], is_max)
                    dst[U(do + i)] = v * inv if scale else v
        elif stride == 2:
            if n == 1:
                for i in range(m):
                    v = src[U(o0 + 2 * i)]
                    dst[U(do + i)] = v * inv if scale else v
            elif n == 2:
                for i in range(m):
                    v = op(src[U(o0 + 2 * i)], src[U(o1 + 2 * i)], is_max)
                    dst[U(do + i)] = v * inv if scale else v
            else:
                for i in range(m):
                    v = op(src[U(o0 + 2 * i)], src[U(o1 + 2 * i)], is_max)
                    v = op(v, src[U(o2 + 2 * i)], is_max)
                    if n == 4:
                        v = op(v, src[U(o3 + 2 * i)], is_max)
                    dst[U(do + i)] = v * inv if scale else v
        else:
            for i in range(m):
                j = stride * i
                v = src[U(o0 + j)]
                if n > 1:
                    v = op(v, src[U(o1 + j)], is_max)
                if n > 2:
                    v = op(v, src[U(o2 + j)], is_max)
                if n > 3:
                    v = op(v, src[U(o3 + j)], is_max)
                dst[U(do + i)] = v * inv if scale else v

    @njit(**opts)
    def combine_acc(dst, do, src, o1, o2, o3, n, stride, m, is_max, inv, scale):
        """dst[do + i] = (dst[do + i] op over src[o_q + stride*i], q < n) * (inv if scale)."""
        U = np.uint64
        if stride == 1 and n == 3:
            for i in range(m):
                v = op(dst[U(do + i)], src[U(o1 + i)], is_max)
                v = op(op(v, src[U(o2 + i)], is_max), src[U(o3 + i)], is_max)
                dst[U(do + i)] = v * inv if scale else v
        else:
            for i in range(m):
                j = stride * i
                v = op(dst[U(do + i)], src[U(o1 + j)], is_max)
                if n > 1:
                    v = op(v, src[U(o2 + j)], is_max)
                if n > 2:
                    v = op(v, src[U(o3 + j)], is_max)
                dst[U(do + i)] = v * inv if scale else v

    @njit(**opts)
    def taps(dst, do, t, b0, d, k, stride, m, is_max, inv, scale):
        """dst[do + i] = op over j < k of t[b0 + j*d + stride*i], i < m; then scaled."""
        j = 0
        while j < k:
            g = min(k - j, 4 if j == 0 else 3)
            last = j + g == k
            c = b0 + j * d
            if j == 0:
                combine(dst, do, t, c, c + d, c + 2 * d, c + 3 * d, g, stride, m, is_max, inv,
                        scale and last)
            else:
                combine_acc(dst, do, t, c, c + d, c + 2 * d, g, stride, m, is_max, inv,
                            scale and last)
            j += g

    @njit(**opts)
    def vertical(t, X, rows, total, WC, table, is_max, upcast):
        """t[:WC] = op over the input rows starting at X[rows[q]], q < total.

        With `upcast` (t wider than X), row 0 is copied first, so that every add is in
        t's type (a pair of rows combined first would be summed in X's).
        """
        U = np.uint64
        one = t[0]  # a scale factor of t's type, not used
        if table is not None:
            for q in range(total):
                o = rows[q]
                if q == 0:
                    for i in range(WC):
                        t[i] = table[X[U(o + i)]]
                else:
                    for i in range(WC):
                        t[i] = op(t[i], table[X[U(o + i)]], is_max)
            return
        q = 0
        if upcast:
            combine(t, 0, X, rows[0], 0, 0, 0, 1, 1, WC, is_max, one, False)
            q = 1
        while q < total:
            g = min(total - q, 4 if q == 0 else 3)
            o0 = rows[q]
            o1 = rows[q + 1] if g > 1 else o0
            o2 = rows[q + 2] if g > 2 else o0
            o3 = rows[q + 3] if g > 3 else o0
            if q == 0:
                combine(t, 0, X, o0, o1, o2, o3, g, 1, WC, is_max, one, False)
            else:
                combine_acc(t, 0, X, o0, o1, o2, g, 1, WC, is_max, one, False)
            q += g

    @njit(**opts)
    def edge(Y, yo, X, a0, WC, nh, w0, w1, C, is_max, inv, scale):
        """Y[yo + c] = op over nh rows (WC apart) and columns [w0, w1) from X[a0], c < C.

        Reduced in Y, a cell at a time over all channels (a loop the compiler vectorizes;
        channel by channel, the clipped last output of each row cost a tenth of the row).
        """
        U = np.uint64
        b = a0 + w0 * C
        for c in range(C):
            Y[U(yo + c)] = X[U(b + c)]
        for j in range(nh):
            for w in range(1 if j == 0 else 0, w1 - w0):
                o = b + j * WC + w * C
                for c in range(C):
                    Y[U(yo + c)] = op(Y[U(yo + c)], X[U(o + c)], is_max)
        if scale:
            for c in range(C):
                Y[U(yo + c)] = Y[U(yo + c)] * inv

    def make(is_max):
        @njit(**opts)
        def kernel(X, Y, tmp, hb, roff, table, upcast, nchunks, prm, fz, ch):
            """Pool chunk `ch` of `nchunks` (one thread's share at a time, see `drive`)."""
            N, P, D, H, W, C, OD, OH, OW = prm[0], prm[1], prm[2], prm[3], prm[4], prm[5], \
                prm[6], prm[7], prm[8]
            kd, sd, bd, kh, sh, bh, kw, sw, bw, lo, hi = prm[9], prm[10], prm[11], prm[12], \
                prm[13], prm[14], prm[15], prm[16], prm[17], prm[18], prm[19]
            WC = W * C
            OWC = OW * C
            rows = N * P * OD * OH
            per = (rows + nchunks - 1) // nchunks
            U = np.uint64
            scale = not is_max
            # Results go straight to Y, or through h: to round float16 once at the end, or
            # (upcast) to keep partial sums of long windows in float64.
            direct = table is None and not upcast
            # 2-D windows of 2 or 3 rows and columns: each output is reduced straight from
            # the input, no scratch row (rows of one channel only for 2 columns at stride 2:
            # at stride 1 the two passes measured faster, and 3 columns at stride 2 would be
            # gathered one by one). Compiled for float32 and float64 only: `fz` is None for
            # other types, so that the compiler drops this code for them (it doubles the
            # compile time, and integers and float16 are rarely pooled in bulk).
            if fz is None:
                fused = False
            else:
                fused = (direct and kd == 1 and 2 <= kh <= 3 and 2 <= kw <= 3
                         and (C > 1 or (sw == 2 and kw == 2)))
            nb = OW - (hi - lo)  # border outputs per row (windows clipped to the row)
            t = tmp[ch]
            h = hb[ch]
            offs = roff[ch]
            t[WC] = 1.0 / (kh * kw)  # 1 / count of a full 2-D window, in t's type
            finv = t[WC]
            inv = finv
            # The row count inv is for (none yet). No flag may share the name: numba would
            # store True as 1, and a row of 1 would keep another count's inv.
            inv_rows = -1
            r0 = ch * per
            r1 = min(rows, r0 + per)
            # The chunk's first row (plane, od, oh); later rows count on from it.
            q = r0 // OH
            oh = r0 - q * OH
            plane = q // OD  # n * P + p
            od = q - plane * OD
            for r in range(r0, r1):
                d0 = od * sd - bd
                d1 = min(d0 + kd, D)
                d0 = max(d0, 0)
                h0 = oh * sh - bh
                h1 = min(h0 + kh, H)
                h0 = max(h0, 0)
                nh = h1 - h0
                nr = (d1 - d0) * nh
                yo = r * OWC
                a0 = ((plane * D + d0) * H + h0) * WC
                if fused and nh == kh:
                    inv = finv
                    a1 = a0 + WC
                    a2 = a1 + WC if kh == 3 else a1
                    if hi > lo and sw == 1:  # one flat run of (hi - lo) * C outputs
                        n = (hi - lo) * C
                        b = (lo - bw) * C
                        p0, p1, p2 = a0 + b, a1 + b, a2 + b
                        y0 = yo + lo * C
                        C2 = 2 * C
                        if kh == 2 and kw == 2:
                            for i in range(n):
                                v = op(X[U(p0 + i)], X[U(p0 + C + i)], is_max)
                                v = op(v, X[U(p1 + i)], is_max)
                                v = op(v, X[U(p1 + C + i)], is_max)
                                Y[U(y0 + i)] = sc(v, inv, scale)
                        elif kh == 2:
                            for i in range(n):
                                v = op(X[U(p0 + i)], X[U(p0 + C + i)], is_max)
                                v = op(v, X[U(p0 + C2 + i)], is_max)
                                v = op(v, X[U(p1 + i)], is_max)
                                v = op(v, X[U(p1 + C + i)], is_max)
                                v = op(v, X[U(p1 + C2 + i)], is_max)
                                Y[U(y0 + i)] = sc(v, inv, scale)
                        elif kw == 2:
                            for i in range(n):
                                v = op(X[U(p0 + i)], X[U(p0 + C + i)], is_max)
                                v = op(v, X[U(p1 + i)], is_max)
                                v = op(v, X[U(p1 + C + i)], is_max)
                                v = op(v, X[U(p2 + i)], is_max)
                                v = op(v, X[U(p2 + C + i)], is_max)
                                Y[U(y0 + i)] = sc(v, inv, scale)
                        else:
                            for i in range(n):
                                v = op(X[U(p0 + i)], X[U(p0 + C + i)], is_max)
                                v = op(v, X[U(p0 + C2 + i)], is_max)
                                v = op(v, X[U(p1 + i)], is_max)
                                v = op(v, X[U(p1 + C + i)], is_max)
                                v = op(v, X[U(p1 + C2 + i)], is_max)
                                v = op(v, X[U(p2 + i)], is_max)
                                v = op(v, X[U(p2 + C + i)], is_max)
                                v = op(v, X[U(p2 + C2 + i)], is_max)
                                Y[U(y0 + i)] = sc(v, inv, scale)
                    elif hi > lo and C == 1:  # sw == 2, kw == 2
                        n = hi - lo
                        b = lo * 2 - bw
                        p0, p1, p2 = a0 + b, a1 + b, a2 + b
                        y0 = yo + lo
                        if kh == 2:
                            for i in range(n):
                                v = op(X[U(p0 + 2 * i)], X[U(p0 + 2 * i + 1)], is_max)
                                v = op(v, X[U(p1 + 2 * i)], is_max)
                                v = op(v, X[U(p1 + 2 * i + 1)], is_max)
                                Y[U(y0 + i)] = sc(v, inv, scale)
                        else:
                            for i in range(n):
                                v = op(X[U(p0 + 2 * i)], X[U(p0 + 2 * i + 1)], is_max)
                                v = op(v, X[U(p1 + 2 * i)], is_max)
                                v = op(v, X[U(p1 + 2 * i + 1)], is_max)
                                v = op(v, X[U(p2 + 2 * i)], is_max)
                                v = op(v, X[U(p2 + 2 * i + 1)], is_max)
                                Y[U(y0 + i)] = sc(v, inv, scale)
                    elif hi > lo:
                        for ow in range(lo, hi):
                            b = (ow * sw - bw) * C
                            p0, p1, p2 = a0 + b, a1 + b, a2 + b
                            y0 = yo + ow * C
                            if kh == 2 and kw == 2:
                                for c in range(C):
                                    v = op(X[U(p0 + c)], X[U(p0 + C + c)], is_max)
                                    v = op(v, X[U(p1 + c)], is_max)
                                    v = op(v, X[U(p1 + C + c)], is_max)
                                    Y[U(y0 + c)] = sc(v, inv, scale)
                            elif kh == 2:
                                for c in range(C):
                                    v = op(X[U(p0 + c)], X[U(p0 + C + c)], is_max)
                                    v = op(v, X[U(p0 + 2 * C + c)], is_max)
                                    v = op(v, X[U(p1 + c)], is_max)
                                    v = op(v, X[U(p1 + C + c)], is_max)
                                    v = op(v, X[U(p1 + 2 * C + c)], is_max)
                                    Y[U(y0 + c)] = sc(v, inv, scale)
                            elif kw == 2:
                                for c in range(C):
                                    v = op(X[U(p0 + c)], X[U(p0 + C + c)], is_max)
                                    v = op(v, X[U(p1 + c)], is_max)
                                    v = op(v, X[U(p1 + C + c)], is_max)
                                    v = op(v, X[U(p2 + c)], is_max)
                                    v = op(v, X[U(p2 + C + c)], is_max)
                                    Y[U(y0 + c)] = sc(v, inv, scale)
                            else:
                                for c in range(C):
                                    v = op(X[U(p0 + c)], X[U(p0 + C + c)], is_max)
                                    v = op(v, X[U(p0 + 2 * C + c)], is_max)
                                    v = op(v, X[U(p1 + c)], is_max)
                                    v = op(v, X[U(p1 + C + c)], is_max)
                                    v = op(v, X[U(p1 + 2 * C + c)], is_max)
                                    v = op(v, X[U(p2 + c)], is_max)
                                    v = op(v, X[U(p2 + C + c)], is_max)
                                    v = op(v, X[U(p2 + 2 * C + c)], is_max)
                                    Y[U(y0 + c)] = sc(v, inv, scale)
                    for e in range(nb):  # border outputs: windows clipped to the row
                        ow = e if e < lo else e + (hi - lo)
                        w0 = ow * sw - bw
                        w1 = min(w0 + kw, W)
                        w0 = max(w0, 0)
                        t[WC] = 1.0 / (nh * (w1 - w0))
                        edge(Y, yo + ow * C, X, a0, WC, nh, w0, w1, C, is_max, t[WC], scale)
                    inv_rows = -1  # inv was changed
                else:
                    if kd == 1 and not direct:
                        for j in range(nr):
                            offs[j] = a0 + j * WC
                    elif kd > 1:
                        nr = 0
                        for d in range(d0, d1):
                            for hh in range(h0, h1):
                                offs[nr] = ((plane * D + d) * H + hh) * WC
                                nr += 1
                    # Up to 3 rows (the common 2-D windows) inline; more through vertical().
                    if direct:
                        # rows q of the window start at a0 + q * WC (kd == 1) or offs[q]
                        a1 = a0 + WC if kd == 1 else offs[1] if nr > 1 else a0
                        a2 = a0 + 2 * WC if kd == 1 else offs[2] if nr > 2 else a0
                        if nr == 1:
                            for i in range(WC):
                                t[i] = X[U(a0 + i)]
                        elif nr == 2:
                            for i in range(WC):
                                t[i] = op(X[U(a0 + i)], X[U(a1 + i)], is_max)
                        else:
                            for i in range(WC):
                                v = op(X[U(a0 + i)], X[U(a1 + i)], is_max)
                                t[i] = op(v, X[U(a2 + i)], is_max)
                            q = 3
                            while q < nr:  # longer windows: up to 3 more rows a pass
                                g = min(nr - q, 3)
                                b0 = a0 + q * WC if kd == 1 else offs[q]
                                b1 = b0 + WC if kd == 1 else offs[q + 1] if g > 1 else b0
                                b2 = b1 + WC if kd == 1 else offs[q + 2] if g > 2 else b0
                                if g == 3:
                                    for i in range(WC):
                                        v = op(t[i], X[U(b0 + i)], is_max)
                                        v = op(v, X[U(b1 + i)], is_max)
                                        t[i] = op(v, X[U(b2 + i)], is_max)
                                elif g == 2:
                                    for i in range(WC):
                                        v = op(t[i], X[U(b0 + i)], is_max)
                                        t[i] = op(v, X[U(b1 + i)], is_max)
                                else:
                                    for i in range(WC):
                                        t[i] = op(t[i], X[U(b0 + i)], is_max)
                                q += g
                    else:
                        vertical(t, X, offs, nr, WC, table, is_max, upcast)
                    if nr != inv_rows:  # 1 / count in the sum's own type (t's spare cell)
                        t[WC] = 1.0 / (nr * kw)
                        inv = t[WC]
                        inv_rows = nr
                    # Interior outputs [lo, hi): windows wholly inside the row.
                    # Windows of up to 3 columns inline (the common ones); others
                    # through taps().
                    inline = direct and kw <= 3
                    if hi > lo and inline and (sw == 1 or (C == 1 and sw == 2)):
                        m = (hi - lo) * C
                        b0 = (lo * sw - bw) * C
                        y0 = yo + lo * C
                        if sw == 1:
                            b1, b2 = b0 + C, b0 + 2 * C
                            if kw == 1:
                                for i in range(m):
                                    Y[U(y0 + i)] = sc(t[U(b0 + i)], inv, scale)
                            elif kw == 2:
                                for i in range(m):
                                    v = op(t[U(b0 + i)], t[U(b1 + i)], is_max)
                                    Y[U(y0 + i)] = sc(v, inv, scale)
                            else:
                                for i in range(m):
                                    v = op(t[U(b0 + i)], t[U(b1 + i)], is_max)
                                    v = op(v, t[U(b2 + i)], is_max)
                                    Y[U(y0 + i)] = sc(v, inv, scale)
                        else:
                            if kw == 1:
                                for i in range(m):
                                    Y[U(y0 + i)] = sc(t[U(b0 + 2 * i)], inv, scale)
                            elif kw == 2:
                                for i in range(m):
                                    v = op(t[U(b0 + 2 * i)], t[U(b0 + 2 * i + 1)], is_max)
                                    Y[U(y0 + i)] = sc(v, inv, scale)
                            else:
                                for i in range(m):
                                    v = op(t[U(b0 + 2 * i)], t[U(b0 + 2 * i + 1)], is_max)
                                    v = op(v, t[U(b0 + 2 * i + 2)], is_max)
                                    Y[U(y0 + i)] = sc(v, inv, scale)
                    elif hi > lo and inline:
                        for ow in range(lo, hi):
                            b0 = (ow * sw - bw) * C
                            b1, b2 = b0 + C, b0 + 2 * C
                            y0 = yo + ow * C
                            if kw == 1:
                                for c in range(C):
                                    Y[U(y0 + c)] = sc(t[U(b0 + c)], inv, scale)
                            elif kw == 2:
                                for c in range(C):
                                    v = op(t[U(b0 + c)], t[U(b1 + c)], is_max)
                                    Y[U(y0 + c)] = sc(v, inv, scale)
                            else:
                                for c in range(C):
                                    v = op(t[U(b0 + c)], t[U(b1 + c)], is_max)
                                    v = op(v, t[U(b2 + c)], is_max)
                                    Y[U(y0 + c)] = sc(v, inv, scale)
                    elif hi > lo and direct and (sw == 1 or C == 1):
                        # Longer windows, flat: 3 columns, then up to 3 more a pass (in Y).
                        m = (hi - lo) * C
                        b0 = (lo * sw - bw) * C
                        y0 = yo + lo * C
                        d = sw * C if C == 1 else 1  # output step in t (C == 1: the stride)
                        for i in range(m):
                            j = d * i
                            v = op(t[U(b0 + j)], t[U(b0 + C + j)], is_max)
                            v = op(v, t[U(b0 + 2 * C + j)], is_max)
                            Y[U(y0 + i)] = sc(v, inv, scale and kw == 3)
                        jw = 3
                        while jw < kw:
                            g = min(kw - jw, 3)
                            last = jw + g == kw
                            c0 = b0 + jw * C
                            c1 = c0 + C
                            c2 = c1 + C
                            if g == 3:
                                for i in range(m):
                                    j = d * i
                                    v = op(Y[U(y0 + i)], t[U(c0 + j)], is_max)
                                    v = op(v, t[U(c1 + j)], is_max)
                                    v = op(v, t[U(c2 + j)], is_max)
                                    Y[U(y0 + i)] = sc(v, inv, scale and last)
                            elif g == 2:
                                for i in range(m):
                                    j = d * i
                                    v = op(Y[U(y0 + i)], t[U(c0 + j)], is_max)
                                    v = op(v, t[U(c1 + j)], is_max)
                                    Y[U(y0 + i)] = sc(v, inv, scale and last)
                            else:
                                for i in range(m):
                                    v = op(Y[U(y0 + i)], t[U(c0 + d * i)], is_max)
                                    Y[U(y0 + i)] = sc(v, inv, scale and last)
                            jw += g
                    elif hi > lo:
                        if sw == 1 or C == 1:
                            b0 = (lo * sw - bw) * C
                            m = (hi - lo) * C
                            if direct:
                                taps(Y, yo + lo * C, t, b0, C, kw, sw, m, is_max, inv, scale)
                            else:
                                taps(h, lo * C, t, b0, C, kw, sw, m, is_max, inv, scale)
                        else:
                            for ow in range(lo, hi):
                                b0 = (ow * sw - bw) * C
                                if direct:
                                    taps(Y, yo + ow * C, t, b0, C, kw, 1, C, is_max, inv,
                                         scale)
                                else:
                                    taps(h, ow * C, t, b0, C, kw, 1, C, is_max, inv, scale)
                    for e in range(nb):  # border outputs: windows clipped to the row
                        ow = e if e < lo else e + (hi - lo)
                        w0 = ow * sw - bw
                        w1 = min(w0 + kw, W)
                        w0 = max(w0, 0)
                        t[WC] = 1.0 / (nr * (w1 - w0))
                        binv = t[WC]
                        if direct and C == 1:
                            v = t[w0]
                            for w in range(w0 + 1, w1):
                                v = op(v, t[w], is_max)
                            Y[U(yo + ow)] = sc(v, binv, scale)
                        elif direct:
                            taps(Y, yo + ow * C, t, w0 * C, C, w1 - w0, 1, C, is_max, binv,
                                 scale)
                        else:
                            taps(h, ow * C, t, w0 * C, C, w1 - w0, 1, C, is_max, binv, scale)
                    if table is not None:
                        bits = h.view(np.uint32)
                        for i in range(OWC):
                            Y[yo + i] = f32_to_f16_bits(bits[i])
                    elif upcast:
                        for i in range(OWC):
                            Y[U(yo + i)] = h[i]
                oh += 1
                if oh == OH:
                    oh = 0
                    od += 1
                    if od == OD:
                        od = 0
                        plane += 1

        return kernel

    def make_lean(is_max):
        @njit(**opts)
        def lean(X, Y, tmp, hb, roff, table, upcast, nchunks, prm, fz, ch):
            """Pool chunk `ch` of 2-D windows of 2 or 3 rows and columns on rows of one
            channel, at column stride 1 or 2, that `kernel` does not fuse (see `_plan`).

            The same two passes, in the same order, as `kernel`'s general branch, in a
            loop of its own: there, among all the other cases' branches and values, case 3
            channels_first took 1.13x the time on one thread and 1.12x to 1.13x on two.
            """
            H, W, OH, OW = prm[3], prm[4], prm[7], prm[8]
            kh, sh, bh, kw, sw, bw, lo, hi = prm[12], prm[13], prm[14], prm[15], prm[16], \
                prm[17], prm[18], prm[19]
            rows = prm[0] * prm[1] * OH
            per = (rows + nchunks - 1) // nchunks
            U = np.uint64
            scale = not is_max
            t = tmp[ch]
            m = hi - lo  # interior outputs of a row, from lo; the nb others are clipped
            nb = OW - m
            b0 = lo * sw - bw
            inv = t[W]  # 1 / count of the row's windows, in t's type (set below)
            inv_rows = -1  # the row count inv is for (none yet)
            r0 = ch * per
            r1 = min(rows, r0 + per)
            plane = r0 // OH
            oh = r0 - plane * OH
            for r in range(r0, r1):
                h0 = oh * sh - bh
                h1 = min(h0 + kh, H)
                h0 = max(h0, 0)
                nh = h1 - h0
                a0 = (plane * H + h0) * W
                a1 = a0 + W
                a2 = a1 + W
                if nh == 1:
                    for i in range(W):
                        t[U(i)] = X[U(a0 + i)]
                elif nh == 2:
                    for i in range(W):
                        t[U(i)] = op(X[U(a0 + i)], X[U(a1 + i)], is_max)
                else:
                    for i in range(W):
                        v = op(X[U(a0 + i)], X[U(a1 + i)], is_max)
                        t[U(i)] = op(v, X[U(a2 + i)], is_max)
                if nh != inv_rows:
                    t[W] = 1.0 / (nh * kw)
                    inv = t[W]
                    inv_rows = nh
                yo = r * OW
                y0 = yo + lo
                if sw == 2:  # 3 columns (2 at stride 2 are fused in `kernel`)
                    for i in range(m):
                        v = op(t[U(b0 + 2 * i)], t[U(b0 + 2 * i + 1)], is_max)
                        v = op(v, t[U(b0 + 2 * i + 2)], is_max)
                        Y[U(y0 + i)] = sc(v, inv, scale)
                elif kw == 2:
                    for i in range(m):
                        v = op(t[U(b0 + i)], t[U(b0 + i + 1)], is_max)
                        Y[U(y0 + i)] = sc(v, inv, scale)
                else:
                    for i in range(m):
                        v = op(t[U(b0 + i)], t[U(b0 + i + 1)], is_max)
                        v = op(v, t[U(b0 + i + 2)], is_max)
                        Y[U(y0 + i)] = sc(v, inv, scale)
                for e in range(nb):
                    ow = e if e < lo else e + m
                    w0 = ow * sw - bw
                    w1 = min(w0 + kw, W)
                    w0 = max(w0, 0)
                    t[W] = 1.0 / (nh * (w1 - w0))
                    v = t[U(w0)]
                    for w in range(w0 + 1, w1):
                        v = op(v, t[U(w)], is_max)
                    Y[U(yo + ow)] = sc(v, t[W], scale)
                oh += 1
                if oh == OH:
                    oh = 0
                    plane += 1

        return lean

    lean_avg, lean_max = make_lean(False), make_lean(True)

    @intrinsic
    def chunk_function(typingctx, address, X, Y, tmp, hb, roff, table, upcast, nchunks, prm,
                       fz):
        """The chunk kernel compiled for these argument types, at `address` (numba's own
        calling convention), as a value of numba's first-class function type."""
        fnty = types.FunctionType(
            types.none(X, Y, tmp, hb, roff, table, upcast, nchunks, prm, fz, types.int64))

        def codegen(context, builder, sig, llargs):
            fn = cgutils.create_struct_proxy(fnty)(context, builder)  # zeroed
            fn.jit_addr = builder.inttoptr(llargs[0], context.get_value_type(types.voidptr))
            return fn._getvalue()

        return fnty(address, X, Y, tmp, hb, roff, table, upcast, nchunks, prm, fz), codegen

    # numba's own threading-layer functions, called by name as its parallel loops call
    # them: from Python, numba.set_parallel_chunksize costs 2.3 us and get_num_threads
    # 1.6 us a call (a sixth of a small call each), and their compiled forms, which call
    # through ctypes pointers, are not cacheable.
    @intrinsic
    def set_chunksize(typingctx, n):
        """Set this thread's parallel chunk size to `n`; return the one it replaces."""
        def codegen(context, builder, sig, llargs):
            u = cgutils.intp_t
            get = cgutils.get_or_insert_function(
                builder.module, ir.FunctionType(u, []), "get_parallel_chunksize")
            put = cgutils.get_or_insert_function(
                builder.module, ir.FunctionType(ir.VoidType(), [u]), "set_parallel_chunksize")
            before = builder.call(get, [])
            builder.call(put, [context.cast(builder, llargs[0], sig.args[0], types.uintp)])
            return before

        return types.uintp(n), codegen

    @intrinsic
    def num_threads(typingctx):
        """numba's thread count for this thread (numba.set_num_threads is per thread)."""
        def codegen(context, builder, sig, llargs):
            fn = cgutils.get_or_insert_function(
                builder.module, ir.FunctionType(cgutils.intp_t, []), "get_num_threads")
            return builder.call(fn, [])

        return types.intp(), codegen

    # The parallel loop calls a chunk's kernel through its address, not by name: a call
    # by name links the kernel's code into the loop's, and LLVM optimizes it all over
    # again (45 s a type, against 19 s for the kernel alone, measured on 2 cores). The
    # address travels as an integer: numba's typing of a function object (its
    # WrapperAddressProtocol) cost 16 us a call. Chunks are handed out one at a time
    # (chunk size 1), so a thread slowed by other work takes fewer of them. Their number
    # follows this call's thread count (numba.set_num_threads is per thread): prm[20]
    # chunks a thread; fewer where the scratch of that many would pass 1/16 of the input
    # (prm[21] fit), though never under one a thread; never more than the rows or the
    # scratch's rows.
    @njit(parallel=True, **opts)
    def drive(address, X, Y, tmp, hb, roff, table, upcast, prm, fz):
        threads = num_threads()
        rows = prm[0] * prm[1] * prm[6] * prm[7]
        nchunks = max(1, min(rows, prm[20] * threads, max(threads, prm[21]), tmp.shape[0]))
        f = chunk_function(address, X, Y, tmp, hb, roff, table, upcast, nchunks, prm, fz)
        before = set_chunksize(1)
        for ch in prange(nchunks):
            f(X, Y, tmp, hb, roff, table, upcast, nchunks, prm, fz, np.int64(ch))
        set_chunksize(before)

    return make(False), make(True), drive


def _release(block):
    """weakref callback: an output's memory is unused again; keep it for the next one."""
    _idle.append(block)
    while len(_idle) > _REUSE_MAX_IDLE:
        try:
            _idle.pop(0)
        except IndexError:  # taken meanwhile by another thread
            break


def _output(shape, dtype, nbytes=None):
    """A new uninitialized array, as np.empty; large ones reuse an unused block.

    A block is an anonymous memory map; the array returned is a view of an array made on
    it, and every view the caller takes keeps that array alive. When it dies, the block is
    unused again and goes to `_idle` (at most _REUSE_MAX_IDLE blocks stay there, the
    most recently freed), from where the next output of the same size takes it: its pages
    are already mapped, as TensorFlow's and XLA's allocators reuse memory.
    """
    if nbytes is None:
        nbytes = math.prod(shape) * np.dtype(dtype).itemsize
    if nbytes < _REUSE_MIN_BYTES:
        return np.empty(shape, dtype)
    dtype = np.dtype(dtype)
    size = nbytes // dtype.itemsize
    block = None
    for b in reversed(_idle[:]):
        if len(b) == nbytes:
            try:
                _idle.remove(b)
            except ValueError:  # taken meanwhile by another thread
                continue
            block = b
            break
    if block is None:
        block = mmap.mmap(-1, nbytes)
        try:  # as NumPy does for large arrays: fewer page faults and TLB misses
            block.madvise(mmap.MADV_HUGEPAGE)
        except (AttributeError, OSError, ValueError):
            pass
    owner = np.frombuffer(block, dtype=dtype, count=size)
    weakref.finalize(owner, _release, block)
    return owner.reshape(shape)


def release_outputs():
    """Let go of the memory kept for reuse: unused output blocks and small scratch."""
    del _idle[:]
    with _call_lock:
        _kept.clear()


def _table():
    """float16 bits -> float32 value, for all 65536 bit patterns (exact)."""
    global _half_table
    if _half_table is None:
        _half_table = np.arange(1 << 16, dtype=np.uint16).view(np.float16).astype(np.float32)
    return _half_table


def _axis(n, k, s, same):
    """(pad before, outputs, first and end of the interior outputs) along one axis."""
    if same:
        n_out = -(-n // s)
        before = max((n_out - 1) * s + k - n, 0) // 2
    else:
        n_out, before = (n - k) // s + 1, 0
    lo = min(-(-before // s), n_out)
    hi = (n + before - k) // s + 1 if n + before >= k else 0
    return before, n_out, lo, max(lo, min(hi, n_out))


_addresses: dict = {}


def _address(kernel, args):
    """Where `kernel`, compiled for `drive`'s `args`, starts (see `drive`)."""
    X, _, tmp, hb, _, table, _, _, fz = args
    key = (kernel, X.dtype, tmp.dtype, hb.dtype, table is None, fz is None)
    address = _addresses.get(key)
    if address is None:
        from numba import typeof

        # The kernel's arguments: drive's, with the chunk count before prm, and the chunk.
        sig = tuple(typeof(a) for a in args)
        sig = sig[:7] + (typeof(0),) + sig[7:] + (typeof(0),)
        if sig not in kernel.overloads:
            kernel.compile(sig)  # or loads it from numba's cache
        cres = kernel.overloads[sig]
        address = cres.library.get_pointer_to_function(cres.fndesc.llvm_func_name)
        # The kernel's code must outlive the address: `kernel.overloads` keeps it.
        _addresses[key] = address
    return address


def _most_threads() -> int:
    """The size of numba's thread pool: the most threads a call may have."""
    import numba

    return numba.config.NUMBA_NUM_THREADS


def _scratch_set(slots, t_cells, h_cells, r_cells, acc, table):
    """A call's scratch: a summed input row and 1 / count, a row of results, row offsets.

    Sets of at most _KEEP_SCRATCH_BYTES are kept for the next call with the same plan:
    three allocations cost 2-3 us, a fifth of a small call.
    """
    key = (slots, t_cells, h_cells, r_cells, acc, table)
    got = _kept.get(key)
    if got is None:
        got = (_scratch(slots, t_cells, acc),
               _scratch(slots, h_cells, np.float32 if table else acc),
               _scratch(slots, r_cells, np.int64))
        if sum(a.nbytes for a in got) <= _KEEP_SCRATCH_BYTES:
            if len(_kept) >= _KEEP_SCRATCH_SETS:
                _kept.clear()
            _kept[key] = got
    return got


def _scratch(slots, cells, dtype):
    """(slots, cells) scratch whose rows start 64 bytes apart at least: threads write their
    own rows every output row, and rows sharing a cache line would bounce it between cores."""
    item = np.dtype(dtype).itemsize
    stride = -(-cells * item // 64) * 64 // item + 64 // item
    return np.empty((slots, stride), dtype=dtype)  # C-contiguous: rows vectorize


def _plan(shape, dtype, contiguous, mode, pool_size, strides, padding, channels_last):
    """What a call with these arguments needs, worked out once (see `pool`)."""
    nsp = len(pool_size)
    same = padding == "same"
    lead = (1,) * (3 - nsp)
    k = lead + tuple(pool_size)
    s = lead + tuple(strides)
    # (N, P, D, H, W, C): P planes (channels_first) or C channels (channels_last).
    N = shape[0]
    if channels_last:
        P, C = 1, shape[-1]
    else:
        P, C = shape[1], 1
    first = 1 if channels_last else 2
    D, H, W = lead + tuple(shape[first : first + nsp])
    axes = [_axis(n, kk, ss, same) for n, kk, ss in zip((D, H, W), k, s)]
    out_shape = list(shape)
    for i in range(nsp):
        out_shape[first + i] = axes[3 - nsp + i][1]
    (_, OD, _, _), (_, OH, _, _), (bw, OW, lo, hi) = axes
    table = False
    if dtype == np.float16:
        view, table, acc = np.uint16, True, np.float32
    elif dtype == np.bool_:
        view, acc = np.uint8, np.uint8
    elif mode == "max":
        view, acc = dtype, dtype
    elif dtype == np.float64 or k[0] * k[1] > _F32_CHAIN_MAX or k[2] > _F32_CHAIN_MAX:
        view, acc = dtype, np.float64
    else:
        view, acc = dtype, np.float32
    upcast = np.dtype(acc).itemsize > np.dtype(view).itemsize and not table
    # Non-contiguous input: a few images at a time are copied (at most 1/8 of the input
    # when there are 8 images or more), never the whole input.
    group = N if contiguous else max(1, N // 8)
    rows = group * P * OD * OH
    # h holds a row of results only where they do not go straight to the output.
    h_cells = OW * C if table or upcast else 0
    # Scratch is a row or two per chunk, all of it at most 1/16 of the input (scratch per
    # thread, indexed by numba's thread id, measured 1.4x slower on case 4 channels_first).
    nbytes = math.prod(shape) * np.dtype(dtype).itemsize
    row_bytes = (W * C + 1 + h_cells) * np.dtype(acc).itemsize + 8 * k[0] * k[1] + 192
    fit = nbytes // (16 * row_bytes)
    # Slots for the most chunks a call can have (`drive` cuts the rows by its threads).
    threads = _most_threads()
    slots = max(1, min(rows, _CHUNKS_PER_THREAD * threads, max(threads, fit)))
    win = (k[0], s[0], axes[0][0], k[1], s[1], axes[1][0], k[2], s[2], bw, lo, hi)
    # The kernel's integer parameters, per batch group size (the last group may be shorter).
    prm = {
        g: np.array((g, P, D, H, W, C, OD, OH, OW, *win, _CHUNKS_PER_THREAD, fit),
                    dtype=np.int64)
        for g in {group, N % group or group}
    }
    fz = 1 if dtype.kind == "f" and dtype.itemsize >= 4 else None  # see the kernel's `fused`
    serial = nbytes < _SERIAL_MAX_BYTES
    # 2-D windows of 2 or 3 rows and columns on rows of one channel, at column stride 1 or
    # 2, that the kernel does not fuse (2 columns at stride 2): the `lean` kernels.
    lean = (nsp == 2 and C == 1 and fz is not None and not upcast and 2 <= k[1] <= 3
            and 2 <= k[2] <= 3 and (s[2] == 1 or (s[2] == 2 and k[2] == 3)))
    return (tuple(out_shape), math.prod(out_shape) * dtype.itemsize, view, acc, table, upcast,
            group, slots, W * C + 1, h_cells, k[0] * k[1], prm, fz, serial, lean)


_plans: dict = {}


def pool(x, mode, pool_size, strides, padding, channels_last):
    """Pool `x` as ``pool_kernels.pool`` does (same arguments, same results)."""
    avg_kernel, max_kernel, drive = kernels()
    contiguous = x.flags.c_contiguous
    key = (x.shape, x.dtype, contiguous, mode, tuple(pool_size), tuple(strides), padding,
           channels_last)
    plan = _plans.get(key)
    if plan is None:
        if len(_plans) >= 256:
            _plans.clear()
        plan = _plans[key] = _plan(x.shape, x.dtype, contiguous, mode, pool_size, strides,
                                   padding, channels_last)
    (out_shape, out_bytes, view, acc, table, upcast, group, slots, t_cells, h_cells, r_cells,
     prm, fz, serial, lean) = plan
    out = _output(out_shape, x.dtype, out_bytes)
    if out.size == 0:
        return out
    if lean:
        kernel = lean_max if mode == "max" else lean_avg
    else:
        kernel = max_kernel if mode == "max" else avg_kernel
    N = x.shape[0]
    with _call_lock:  # numba's workqueue threading layer is not thread-safe
        tmp, hb, roff = _scratch_set(slots, t_cells, h_cells, r_cells, acc, table)
        table = _table() if table else None
        for i in range(0, N, group):
            xs = x[i : i + group]
            if not contiguous:
                xs = np.ascontiguousarray(xs)
            X = xs.reshape(-1).view(view)
            Y = out[i : i + group].reshape(-1).view(view)
            p = prm[xs.shape[0]]
            if serial:  # one chunk of all the rows, here (see _SERIAL_MAX_BYTES)
                kernel(X, Y, tmp, hb, roff, table, upcast, 1, p, fz, 0)
            else:
                args = (X, Y, tmp, hb, roff, table, upcast, p, fz)
                drive(_address(kernel, args), *args)
    return out
