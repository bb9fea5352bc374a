"""Small synthetic dataset files in the formats Keras's loaders read, for the vignettes'
doctests (see vignettes/conftest.py): where R keras3's tutorials download MNIST or CIFAR-10,
the doctests read these instead.

The images are learnable: each class k has its own bright patch at its own place, drawn
over noise, moved by a pixel or two at random, so a small model's loss clearly goes down
within two or three epochs. Everything is seeded: the files are the same on every run.

- `mnist.npz`: Keras's file (`x_train` uint8 (n, 28, 28), `y_train` uint8 (n,),
  `x_test`, `y_test`), `N_TRAIN_MNIST` training and `N_TEST_MNIST` test images.
- CIFAR-10: the extracted copy Keras 3.15 looks for,
  `cifar-10-batches-py-target/cifar-10-batches-py/{data_batch_1..5,test_batch}` (pickled
  dicts, `data` uint8 (n, 3072) channels first, `labels` a list). Keras's loader always
  returns 50,000 training images: it fills 10,000 rows per training batch, so a batch must
  hold 10,000 images or one (which numpy repeats 10,000 times). Writing 50,000 images would
  cost 150 MB per vignette; so each training batch holds one image (batch i: class i - 1,
  `x_train` has 5 distinct images, classes 0-4, each repeated 10,000 times) and the test
  batch `N_TEST_CIFAR10` images of all ten classes.
"""

from __future__ import annotations

import os
import pickle

import numpy as np

__all__ = ["install", "write_mnist", "write_cifar10", "mnist_images", "cifar10_images"]

N_TRAIN_MNIST = 1000
N_TEST_MNIST = 200
N_TEST_CIFAR10 = 100


def _patch_images(rng, labels, size, channels, patch, noise):
    """Images (n, size, size[, channels]) uint8: noise, then for each image a bright
    patch×patch square at its class's place (a 2×5 grid over the image), moved at random
    by up to 2 pixels; in colour, each class also has its own tint."""
    n = len(labels)
    shape = (n, size, size) + ((channels,) if channels else ())
    x = rng.integers(0, noise, size=shape).astype(np.int32)
    rows, cols = 2, 5
    cell_h, cell_w = size // rows, size // cols
    for i, k in enumerate(labels):
        r, c = divmod(int(k), cols)
        top = r * cell_h + (cell_h - patch) // 2 + int(rng.integers(-2, 3))
        left = c * cell_w + (cell_w - patch) // 2 + int(rng.integers(-1, 2))
        top = min(max(top, 0), size - patch)
        left = min(max(left, 0), size - patch)
        value = int(rng.integers(200, 256))
        if channels:
            tint = np.array([255, 160 + 9 * int(k), 255 - 15 * int(k)])[:channels] / 255
            x[i, top:top + patch, left:left + patch, :] = (value * tint).astype(np.int32)
        else:
            x[i, top:top + patch, left:left + patch] = value
    return np.clip(x, 0, 255).astype(np.uint8)


def mnist_images(n, seed):
    """(x uint8 (n, 28, 28), y uint8 (n,)): classes 0-9 in turn, shuffled."""
    rng = np.random.default_rng(seed)
    y = rng.permutation(np.arange(n) % 10).astype(np.uint8)
    return _patch_images(rng, y, 28, None, patch=6, noise=60), y


def cifar10_images(labels, seed):
    """x uint8 (n, 32, 32, 3) (channels last) for the given labels."""
    rng = np.random.default_rng(seed)
    return _patch_images(rng, np.asarray(labels), 32, 3, patch=6, noise=80)


def write_mnist(folder, n_train=N_TRAIN_MNIST, n_test=N_TEST_MNIST, name="mnist.npz"):
    """Write Keras's `mnist.npz` into `folder` (the `datasets` folder of Keras's cache)."""
    x_train, y_train = mnist_images(n_train, seed=1)
    x_test, y_test = mnist_images(n_test, seed=2)
    path = os.path.join(os.fspath(folder), name)
    with open(path, "wb") as f:
        np.savez(f, x_train=x_train, y_train=y_train, x_test=x_test, y_test=y_test)
    return path


def _cifar_batch(x, labels):
    # channels first, flattened, as the real files; protocol 4: numpy arrays pickle as
    # ndarray/_reconstruct, which Keras's restricted unpickler accepts
    data = np.ascontiguousarray(x.transpose(0, 3, 1, 2)).reshape(len(x), -1)
    return pickle.dumps({b"data": data, b"labels": [int(k) for k in labels]}, protocol=4)


def write_cifar10(folder, n_test=N_TEST_CIFAR10):
    """Write CIFAR-10's extracted copy into `folder` (the `datasets` folder of Keras's
    cache), where Keras 3.15's `cifar10.load_data()` finds it."""
    root = os.path.join(os.fspath(folder), "cifar-10-batches-py-target", "cifar-10-batches-py")
    os.makedirs(root, exist_ok=True)
    for i in range(1, 6):
        labels = [i - 1]
        with open(os.path.join(root, f"data_batch_{i}"), "wb") as f:
            f.write(_cifar_batch(cifar10_images(labels, seed=10 + i), labels))
    labels = np.random.default_rng(20).permutation(np.arange(n_test) % 10)
    with open(os.path.join(root, "test_batch"), "wb") as f:
        f.write(_cifar_batch(cifar10_images(labels, seed=21), labels))
    return root


def install(datasets_folder):
    """Write every synthetic dataset file into `datasets_folder` (created if needed)."""
    os.makedirs(os.fspath(datasets_folder), exist_ok=True)
    write_mnist(datasets_folder)
    write_cifar10(datasets_folder)
