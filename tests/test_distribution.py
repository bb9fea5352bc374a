"""R keras3's distribution guide (`vignettes/distribution.md`) on 4 CPU devices.

JAX makes its host devices when it starts, from `XLA_FLAGS`; this process started JAX
long ago, so the guide runs as doctests in a Python process of its own with the flag
set (the normal collection leaves the page out: `vignettes/conftest.py`). The page
asserts the data-parallel weights are on all 4 devices, and the model-parallel layout
map's splits of weights and outputs.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parent.parent
PAGE = "vignettes/distribution.md"


def test_the_distribution_guide_runs_on_four_devices():
    env = {**os.environ, "XLA_FLAGS": "--xla_force_host_platform_device_count=4",
           "CUDA_VISIBLE_DEVICES": "", "KERAS_BACKEND": "jax", "JAX_PLATFORMS": "cpu"}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", PAGE, "-q"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
    assert "1 passed" in result.stdout, result.stdout[-2000:]


def test_the_guide_is_left_out_of_the_normal_collection():
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "vignettes"],
        cwd=ROOT, env={**os.environ, "XLA_FLAGS": ""}, capture_output=True, text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-3000:]
    assert "distribution.md" not in result.stdout
    assert "r-names.md" in result.stdout
