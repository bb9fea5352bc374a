"""Time the compiled pooling kernels of this tree against those of another git revision.

Run from the repository root, with numba installed:

    python benchmarks/compare_kernels.py                 # against HEAD (uncommitted changes)
    python benchmarks/compare_kernels.py --base main~1 --rounds 41

The base revision's ``pool_kernels_numba.py`` is written to a temporary folder and
imported under another name, so both versions run in one process on the same inputs, in
interleaved rounds (a fresh random order each round); it prints each median and the
ratio new / base. The base compiles from scratch (numba's cache is kept per file), about
20 s a kernel type on 2 cores. Inputs: one just above the tiny path (a call's fixed
cost), and issue #4's cases 3 and 4 (both formats), 5 and 7 (float32).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir)
sys.path.insert(0, ROOT)

from rstyle_keras.core.ops import pool_kernels_numba as new  # noqa: E402

PATH = "rstyle_keras/core/ops/pool_kernels_numba.py"
# name: (shape, mode, pool size, strides, padding, channels_last, calls per sample)
INPUTS = {
    "(1, 64, 64, 1) last": ((1, 64, 64, 1), "average", (2, 2), (2, 2), "valid", True, 200),
    "case 7 last": ((128, 28, 28, 32), "average", (2, 2), (2, 2), "valid", True, 20),
    "case 7 first": ((128, 32, 28, 28), "average", (2, 2), (2, 2), "valid", False, 20),
    "case 3 last": ((32, 112, 112, 64), "average", (3, 3), (2, 2), "same", True, 2),
    "case 3 first": ((32, 64, 112, 112), "average", (3, 3), (2, 2), "same", False, 2),
    "case 5 last": ((32, 112, 112, 64), "max", (2, 2), (2, 2), "valid", True, 2),
    # 7 columns: the windows of more than 3 columns, summed 3 columns a pass
    "case 4 last": ((8, 56, 56, 256), "average", (7, 7), (1, 1), "valid", True, 2),
    "case 4 first": ((8, 256, 56, 56), "average", (7, 7), (1, 1), "valid", False, 2),
}


def load_base(rev: str, folder: str):
    """The base revision's kernels module, imported from `folder`."""
    source = subprocess.run(["git", "-C", ROOT, "show", f"{rev}:{PATH}"], check=True,
                            capture_output=True, text=True).stdout
    path = os.path.join(folder, "pool_kernels_numba_base.py")
    with open(path, "w") as f:
        f.write(source)
    spec = importlib.util.spec_from_file_location("pool_kernels_numba_base", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", default="HEAD", help="git revision to compare with (default HEAD)")
    ap.add_argument("--rounds", type=int, default=31, help="interleaved rounds (default 31)")
    args = ap.parse_args()
    rng = np.random.default_rng(0)
    with tempfile.TemporaryDirectory() as folder:
        base = load_base(args.base, folder)
        cases = {}
        for name, (shape, *call, n) in INPUTS.items():
            x = rng.standard_normal(shape, dtype=np.float32)
            cases[name] = ((x, *call), n)
            t0 = time.perf_counter()
            np.testing.assert_array_equal(new.pool(x, *call), base.pool(x, *call))
            if time.perf_counter() - t0 > 1:
                print(f"compiled or loaded for {name} in {time.perf_counter() - t0:.1f} s")
        times = {(name, who): [] for name in cases for who in ("base", "new")}
        for _ in range(args.rounds):
            order = list(times)
            random.shuffle(order)
            for name, who in order:
                call, n = cases[name]
                pool = (base if who == "base" else new).pool
                t0 = time.perf_counter()
                for _ in range(n):
                    pool(*call)
                times[(name, who)].append((time.perf_counter() - t0) / n)
    print(f"median us per call, {args.rounds} interleaved rounds; base {args.base}")
    print(f"{'input':<22} {'base':>10} {'new':>10} {'new / base':>11}")
    for name in cases:
        b = statistics.median(times[(name, "base")])
        w = statistics.median(times[(name, "new")])
        print(f"{name:<22} {b * 1e6:10.1f} {w * 1e6:10.1f} {w / b:11.3f}")


if __name__ == "__main__":
    main()
