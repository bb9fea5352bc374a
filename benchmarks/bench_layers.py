"""What the R surface adds over Keras: a `layer_*()` call over the Keras class, a pipe over
calling the layer.

    PYTHONPATH=. python benchmarks/bench_layers.py            # --rounds N, --calls N

Each pair (Keras's own way and ours) is timed in interleaved rounds: every round visits
the pairs in a fresh random order and times `--calls` calls of both of a pair back to back
(which goes first is drawn too). Keras's constructors take hundreds of µs and drift by tens
on a shared machine, so what we add is the median of the per-round differences, not the
difference of the medians. It prints both medians and that difference, and checks issue
#8's target: at most 20 µs added per call.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
import warnings

os.environ.setdefault("KERAS_BACKEND", "jax")
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import numpy as np  # noqa: E402

import rstyle_keras as rk  # noqa: E402
from rstyle_keras import c  # noqa: E402

TARGET_US = 20.0


def pairs(keras):
    """(name, Keras's way, ours): zero-argument callables doing one call each."""
    rk.config_set_engine("keras")
    dense = keras.layers.Dense(8)
    dense.build((None, 16))
    pool = keras.layers.MaxPooling2D(2)
    kt = keras.Input((16,))
    kt_image = keras.Input((8, 8, 3))
    x = np.ones((4, 16), "float32")
    image = np.ones((2, 8, 8, 3), "float32")
    jx = keras.ops.convert_to_tensor(x)
    core_pool = rk.MaxPooling2D(2)
    core_x = rk.Tensor(image)
    return [
        ("layer_dense(units=64.0)", lambda: keras.layers.Dense(units=64),
         lambda: rk.layer_dense(units=64.0)),
        ("layer_conv_2d(filters=32, kernel_size=c(3, 3), ...)",
         lambda: keras.layers.Conv2D(filters=32, kernel_size=(3, 3), activation="relu"),
         lambda: rk.layer_conv_2d(filters=32, kernel_size=c(3, 3), activation="relu")),
        ("layer_max_pooling_2d(pool_size=c(2, 2))",
         lambda: keras.layers.MaxPooling2D(pool_size=(2, 2)),
         lambda: rk.layer_max_pooling_2d(pool_size=c(2, 2))),
        ("layer_concatenate(axis=2)", lambda: keras.layers.Concatenate(axis=1),
         lambda: rk.layer_concatenate(axis=2)),
        ("KerasTensor | dense", lambda: dense(kt), lambda: kt | dense),
        ("KerasTensor | max pooling", lambda: pool(kt_image), lambda: kt_image | pool),
        ("NumPy array | dense", lambda: dense(x), lambda: x | dense),
        ("jax Array | dense", lambda: dense(jx), lambda: jx | dense),
        ("core Tensor | core max pooling", lambda: core_pool(core_x),
         lambda: core_x | core_pool),
    ]


def per_call_us(fn, calls: int) -> float:
    t = time.perf_counter()
    for _ in range(calls):
        fn()
    return (time.perf_counter() - t) / calls * 1e6


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--calls", type=int, default=40)
    args = parser.parse_args(argv)
    import keras

    warnings.simplefilter("ignore")
    rng = random.Random(0)
    cases = pairs(keras)
    times = {(name, who): [] for name, *_ in cases for who in ("keras", "ours", "added")}
    for fn_pair in cases:  # warm up: first calls compile, cache and load
        fn_pair[1](), fn_pair[2]()
    for _ in range(args.rounds):
        for name, k, o in rng.sample(cases, len(cases)):
            first_keras = rng.random() < 0.5
            for who, fn in ([("keras", k), ("ours", o)] if first_keras
                            else [("ours", o), ("keras", k)]):
                times[(name, who)].append(per_call_us(fn, args.calls))
            times[(name, "added")].append(times[(name, "ours")][-1] - times[(name, "keras")][-1])
        keras.backend.clear_session()  # keep Keras's name registry from growing
    print(f"Keras {keras.__version__}, backend {keras.backend.backend()}; medians of "
          f"{args.rounds} interleaved rounds x {args.calls} calls, µs per call")
    print(f"{'call':52} {'Keras':>9} {'ours':>9} {'added':>8}  target <= {TARGET_US:g}")
    failed = 0
    for name, *_ in cases:
        k, o, added = (statistics.median(times[(name, who)]) for who in ("keras", "ours", "added"))
        ok = added <= TARGET_US
        failed += not ok
        print(f"{name:52} {k:9.1f} {o:9.1f} {added:8.1f}  {'ok' if ok else 'OVER'}")
    print("all within target" if not failed else f"{failed} over target")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
