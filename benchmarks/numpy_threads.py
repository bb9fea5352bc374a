"""The NumPy kernels' thread count and CPU affinity, swept in one process.

Run from the repository root:

    PYTHONPATH=. python benchmarks/numpy_threads.py            # 15 rounds
    PYTHONPATH=. python benchmarks/numpy_threads.py --rounds 31

Times `rstyle_keras.core.ops.pool_kernels.pool` (the NumPy kernels, the fallback without
numba) on issue #12's case 7 (13 MB) and case 4 (26 MB), both data formats, under the
thread-count rule (`_threads_for`) and under fixed thread counts, over every core or held
to the first 2 or 3 (`os.sched_setaffinity` on the calling thread and the kernels'
worker threads). The configurations run in interleaved rounds, in a fresh random order
each round, and it prints the median ms of each. This is how the rule was checked
against "2 threads on 2 cores" inside one process, where `taskset` would need two.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time

os.environ["RSTYLE_KERAS_KERNELS"] = "numpy"
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), os.pardir))

import numpy as np  # noqa: E402

from rstyle_keras.core.ops import pool_kernels as pk  # noqa: E402

RULE = pk._threads_for
_forced = {"threads": None}


def _threads_for(nbytes):
    if _forced["threads"] is None or nbytes < pk._THREAD_MIN_BYTES:
        return RULE(nbytes)
    return _forced["threads"]


def pin(cpus):
    """Hold this thread and the kernels' workers to `cpus`."""
    os.sched_setaffinity(0, cpus)
    for worker in list(pk._get_executor()._threads):
        os.sched_setaffinity(worker.native_id, cpus)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=15, help="interleaved rounds")
    args = ap.parse_args(argv)
    if not hasattr(os, "sched_setaffinity"):
        sys.exit("needs os.sched_setaffinity (Linux)")
    pk._threads_for = _threads_for
    every = set(os.sched_getaffinity(0))
    first = sorted(every)
    rng = np.random.default_rng(0)

    def data(*shape):
        return rng.standard_normal(shape, dtype=np.float32)

    cases = {
        "7 last": (data(128, 28, 28, 32), (2, 2), (2, 2), True),
        "7 first": (data(128, 32, 28, 28), (2, 2), (2, 2), False),
        "4 last": (data(8, 56, 56, 256), (7, 7), (1, 1), True),
        "4 first": (data(8, 256, 56, 56), (7, 7), (1, 1), False),
    }
    configs = [("rule", None, every), ("1 thread", 1, every)]
    configs += [(f"{t} threads", t, every) for t in (2, 3, 4)]
    configs += [("2 on 2 cores", 2, set(first[:2])), ("3 on 3 cores", 3, set(first[:3]))]
    _forced["threads"] = pk._MAX_THREADS  # start every worker the sweep may use
    for x, k, s, last in cases.values():
        pk.pool(x, "average", k, s, "valid", last)
    times = {(c, name): [] for c in cases for name, _, _ in configs}
    for _ in range(args.rounds):
        for name, threads, cpus in random.sample(configs, len(configs)):
            _forced["threads"] = threads
            pin(cpus)
            for c, (x, k, s, last) in cases.items():
                t0 = time.perf_counter()
                for _ in range(3):
                    pk.pool(x, "average", k, s, "valid", last)
                times[(c, name)].append((time.perf_counter() - t0) / 3 * 1e3)
    pin(every)
    print(f"cores {len(every)}; the rule's threads: "
          + ", ".join(f"case {c} {RULE(x.nbytes)}" for c, (x, *_) in cases.items()))
    print(f"median ms, {args.rounds} rounds")
    print(f"{'':14s}" + "".join(f"{c:>10s}" for c in cases))
    for name, _, _ in configs:
        cells = "".join(f"{statistics.median(times[(c, name)]):10.2f}" for c in cases)
        print(f"{name:14s}{cells}")


if __name__ == "__main__":
    main()
