"""What the R verbs add to training: `model | fit(...)` and `model | predict(...)` against
Keras's own `model.fit(...)` and `model.predict(...)` on a small CNN.

    PYTHONPATH=. python benchmarks/bench_training.py      # --rounds N, --samples N

Both ways train and predict with the same model, data and arguments (the R side writes
them as R does: `epochs = 1`, `batch_size = 64` as doubles, `metrics = "accuracy"`).
Each round runs the two ways back to back, in a random order, after a warm-up that
compiles Keras's steps. A fit epoch takes tens of milliseconds and drifts on a shared
machine, so besides the medians it prints the median of the per-round ratios (checked
against issue #9's target: the R verbs add at most 2%), and the R layer's own cost,
measured alone: the same calls with Keras's method replaced by one that returns at once.
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

TARGET = 1.02


def small_cnn():
    """The mnist_convnet tutorial's model, smaller: R-style construction."""
    rk.config_set_engine("keras")
    model = rk.keras_model_sequential(input_shape=c(28, 28, 1))
    model = (model
             | rk.layer_conv_2d(filters=8, kernel_size=c(3, 3), activation="relu")
             | rk.layer_max_pooling_2d(pool_size=c(2, 2))
             | rk.layer_flatten()
             | rk.layer_dense(units=10, activation="softmax"))
    return model | rk.compile(loss="categorical_crossentropy", optimizer="adam",
                              metrics="accuracy")


def contenders(model, x, y):
    """(name, Keras's way, ours): zero-argument callables."""
    fit_keras = lambda: model.fit(x, y, epochs=1, batch_size=64, verbose=0)  # noqa: E731
    fit_ours = lambda: model | rk.fit(x, y, epochs=1.0, batch_size=64.0,  # noqa: E731
                                      verbose=0.0)
    predict_keras = lambda: model.predict(x, batch_size=64, verbose=0)  # noqa: E731
    predict_ours = lambda: model | rk.predict(x, batch_size=64.0, verbose=0.0)  # noqa: E731
    return [("fit(), 1 epoch", fit_keras, fit_ours),
            ("predict()", predict_keras, predict_ours)]


def wrapper_us(model, x, y, calls: int = 2000) -> dict:
    """µs per call the R verbs spend outside Keras: Keras's methods swapped for no-ops."""
    import keras

    history = keras.callbacks.History()
    out = {}
    for method, result, call in (
        ("fit", history, lambda: model | rk.fit(x, y, epochs=1.0, batch_size=64.0,
                                                verbose=0.0)),
        ("predict", x, lambda: model | rk.predict(x, batch_size=64.0, verbose=0.0)),
    ):
        setattr(model, method, lambda *a, _r=result, **k: _r)
        try:
            call()
            t = time.perf_counter()
            for _ in range(calls):
                call()
            out[method] = (time.perf_counter() - t) / calls * 1e6
        finally:
            delattr(model, method)
    return out


def seconds(fn) -> float:
    t = time.perf_counter()
    fn()
    return time.perf_counter() - t


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=21)
    parser.add_argument("--samples", type=int, default=1024)
    args = parser.parse_args(argv)
    import keras

    warnings.simplefilter("ignore")
    rng = random.Random(0)
    data = np.random.default_rng(0)
    x = data.random((args.samples, 28, 28, 1), dtype=np.float32)
    y = keras.utils.to_categorical(data.integers(0, 10, args.samples), 10)
    model = small_cnn()
    cases = contenders(model, x, y)
    for _, k, o in cases:  # warm up: the first calls trace and compile
        k(), o(), k(), o()
    times = {(name, who): [] for name, *_ in cases for who in ("keras", "ours", "ratio")}
    for _ in range(args.rounds):
        for name, k, o in rng.sample(cases, len(cases)):
            order = [("keras", k), ("ours", o)]
            rng.shuffle(order)
            for who, fn in order:
                times[(name, who)].append(seconds(fn))
            times[(name, "ratio")].append(times[(name, "ours")][-1]
                                          / times[(name, "keras")][-1])
    print(f"Keras {keras.__version__}, backend {keras.backend.backend()}; small CNN "
          f"({model.count_params():,} weights), {args.samples} samples, batch 64; "
          f"medians of {args.rounds} interleaved rounds")
    alone = wrapper_us(model, x, y)
    print(f"{'call':18} {'Keras ms':>9} {'R verbs ms':>11} {'ratio':>7} "
          f"{'R layer alone':>14}  target <= {TARGET}")
    failed = 0
    for (name, *_), method in zip(cases, ("fit", "predict")):
        k, o, ratio = (statistics.median(times[(name, who)])
                       for who in ("keras", "ours", "ratio"))
        ok = ratio <= TARGET
        failed += not ok
        print(f"{name:18} {k * 1e3:9.2f} {o * 1e3:11.2f} {ratio:7.3f} "
              f"{alone[method]:8.1f} µs ({alone[method] / (k * 1e6):.4%})  "
              f"{'ok' if ok else 'OVER'}")
    print("all within target" if not failed else f"{failed} over target")
    return 0 if not failed else 1


if __name__ == "__main__":
    sys.exit(main())
