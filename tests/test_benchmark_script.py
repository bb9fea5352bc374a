"""The benchmark script (benchmarks/bench_pooling.py): its helpers and one small real run.

Timings themselves are never asserted here (shared machines are noisy); what is checked is
that the script measures what it says: the NumPy floor computes its copy, every contender
runs once per round in a varying order, and a run prints every row and names missing peers.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "benchmarks" / "bench_pooling.py"


def load_script(path=SCRIPT):
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_numpy_floor_fills_a_fresh_array_from_the_input():
    bench = load_script()
    x = np.arange(2 * 5 * 7 * 300, dtype=np.float32).reshape(2, 5, 7, 300)
    call = bench.numpy_floor(x, (2, 3, 4, 300))
    first, second = call(), call()
    assert first.shape == (2, 3, 4, 300) and first.dtype == np.float32
    np.testing.assert_array_equal(first.reshape(-1), x.reshape(-1)[: first.size])
    assert first is not second and not np.shares_memory(first, x)


def test_interleaved_runs_each_contender_every_round_in_varying_order():
    bench = load_script()
    log = []
    calls = {name: (lambda name=name: log.append(name)) for name in "abcd"}
    medians = bench.interleaved(calls, rounds=12)
    assert set(medians) == set("abcd") and all(t >= 0 for t in medians.values())
    timed = log[2 * 4 :]  # after two warm-up calls each
    rounds = [timed[i : i + 4] for i in range(0, len(timed), 4)]
    assert len(rounds) == 12 and all(sorted(r) == list("abcd") for r in rounds)
    # A fixed or rotated order gives every contender the same predecessor each round.
    predecessors = {r[r.index("a") - 1] for r in rounds if r.index("a") > 0}
    assert len(predecessors) > 1


def test_a_small_run_prints_every_row_and_names_missing_peers():
    env = {**os.environ, "PYTHONPATH": str(ROOT), "KERAS_BACKEND": "jax"}
    run = subprocess.run(
        # --no-fresh: the fresh-process numba timing compiles from scratch (tens of seconds).
        [sys.executable, str(SCRIPT), "--quick", "--cases", "7", "--formats", "first",
         "--rounds", "1", "--no-fresh"],
        capture_output=True, text=True, env=env, timeout=600, cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    out = run.stdout
    # every peer is listed as found or named as missing (decided in the script's own
    # process, on JAX, whatever backend this process runs)
    peers = next(line for line in out.splitlines() if line.startswith("peers:"))
    missing = {name for name in ("torch", "tf", "jax") if f"missing: {name}" in out}
    for name in ("torch", "tf", "jax"):
        assert (f" {name} " in peers) != (name in missing), (name, peers)
    rows = [line.split() for line in out.splitlines() if line.startswith("   7 first")]
    names = {row[2] for row in rows}
    assert {"kernel", "layer", "np-copy"} <= names
    assert ("numba" in names) == ("numba" not in missing)  # the compiled kernels' own row
    assert "np-copy (no math at all)" in out or not ({"torch", "tf", "jax"} - set(missing))
    assert "small input (1, 3, 3, 1)" in out
    assert "targets:" in out
    for issue in ("issue #12 (numba kernels): ", "issue #4 (NumPy kernels; "):
        line = next(line for line in out.splitlines() if line.startswith(issue))
        assert line.endswith("all targets met") or "): MISSED: " in line


THREADS_SCRIPT = ROOT / "benchmarks" / "numpy_threads.py"


def test_the_numpy_thread_sweep_forces_only_threaded_inputs():
    sweep = load_script(THREADS_SCRIPT)
    from rstyle_keras.core.ops import pool_kernels as pk

    big, small = 64 << 20, pk._THREAD_MIN_BYTES - 1
    assert sweep._threads_for(big) == pk._threads_for(big)  # nothing forced: the rule
    sweep._forced["threads"] = 2
    assert sweep._threads_for(big) == 2
    assert sweep._threads_for(small) == 1  # small inputs stay on the calling thread


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="needs os.sched_setaffinity")
def test_the_numpy_thread_sweep_prints_every_configuration():
    from rstyle_keras.core.ops import pool_kernels as pk

    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    run = subprocess.run(
        [sys.executable, str(THREADS_SCRIPT), "--rounds", "1"],
        capture_output=True, text=True, env=env, timeout=600, cwd=ROOT,
    )
    assert run.returncode == 0, run.stderr
    lines = run.stdout.splitlines()
    rule = pk._threads_for(128 * 28 * 28 * 32 * 4)
    assert f"case 7 last {rule}" in lines[0]
    names = ["rule", "1 thread", "2 threads", "3 threads", "4 threads", "2 on 2 cores",
             "3 on 3 cores"]
    rows = {line[:14].strip(): line[14:].split() for line in lines[3:]}
    assert sorted(rows) == sorted(names)
    assert all(len(cells) == 4 and all(float(c) > 0 for c in cells) for cells in rows.values())
