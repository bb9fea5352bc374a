"""What Sequential and functional models share: calling, predict, summary, lookup."""

from __future__ import annotations

import numpy as np

from ..arguments import as_int
from ..keras_tensor import KerasTensor
from ..layers.layer import Layer
from ..tensor import Tensor
from .progress import ProgressBar, resolve_verbose
from .summary import format_shape, summary_table


class Model(Layer, abstract=True):
    """Base of `Sequential` and `Functional`. Subclasses implement `_run(xs)` (a list of
    arrays, one per input, to a list of arrays, one per output), `_call_symbolic(x)`,
    `summary_rows()` and `get_config()`."""

    def __init__(self, name=None, trainable=True):
        super().__init__(name=name, trainable=trainable)

    @property
    def layers(self) -> list[Layer]:
        raise NotImplementedError

    n_inputs = 1
    single_output = True

    def __call__(self, inputs):
        if isinstance(inputs, KerasTensor) or (
            isinstance(inputs, (list, tuple)) and inputs
            and all(isinstance(i, KerasTensor) for i in inputs)
        ):
            return self._call_symbolic(inputs)
        outputs = [Tensor(y) for y in self._run(self._input_arrays(inputs))]
        return outputs[0] if self.single_output else outputs

    def _input_arrays(self, inputs) -> list[np.ndarray]:
        """The model's inputs as arrays: one array, or a list of one per model input."""
        if self.n_inputs == 1:
            return [self._as_numeric_array(inputs)]
        if not isinstance(inputs, (list, tuple)) or len(inputs) != self.n_inputs:
            raise ValueError(
                f"{self._who()}: `inputs` must be a list of {self.n_inputs} arrays, one per "
                f"model input; received {type(inputs).__name__}."
            )
        return [self._as_numeric_array(x) for x in inputs]

    def _run(self, xs: list[np.ndarray]) -> list[np.ndarray]:
        raise NotImplementedError

    def accepted_dtype_kinds(self) -> str:
        return "biuf"

    def predict(self, x, batch_size=32, verbose="auto", steps=None, callbacks=None):
        """Run the model on `x` in batches and return a NumPy array, as Keras's `predict()`.

        Arguments:
            x: a Tensor, NumPy array or nested list (a list of them for a model with
                several inputs); the first axis is the batch.
            batch_size: samples per batch (default 32).
            verbose: "auto" (a progress bar on a terminal only), 0, 1 or 2.
            steps: how many batches to run; None for all.
            callbacks: accepted for compatibility; must be None.

        Value: a NumPy array (a list of arrays for a model with several outputs).
        """
        if callbacks is not None:
            raise ValueError("`callbacks` are not supported by rstyle_keras; pass None.")
        batch_size = as_int(batch_size, "batch_size", "a positive integer")
        if batch_size <= 0:
            raise ValueError(f"`batch_size` must be a positive integer; received {batch_size}.")
        xs = self._input_arrays(x)
        if any(a.ndim == 0 for a in xs):
            raise ValueError("`x` must have a batch axis; received a scalar.")
        n_batches = max(1, -(-len(xs[0]) // batch_size))
        if steps is not None:
            n_batches = min(n_batches, as_int(steps, "steps", "a positive integer or None"))
        progress = ProgressBar(n_batches, resolve_verbose(verbose))
        batches = []
        for i in range(n_batches):
            batches.append(self._run([a[i * batch_size:(i + 1) * batch_size] for a in xs]))
            progress.update(i + 1)
        outputs = [np.concatenate(parts, axis=0) for parts in zip(*batches)]
        return outputs[0] if self.single_output else outputs

    def get_layer(self, name=None, index=None) -> Layer:
        """A layer by its name or by its index in `layers`."""
        if index is not None:
            index = as_int(index, "index")
            if not -len(self.layers) <= index < len(self.layers):
                raise ValueError(
                    f"`index`={index} is out of range: the model has {len(self.layers)} layers."
                )
            return self.layers[index]
        for layer in self.layers:
            if layer.name == name:
                return layer
        raise ValueError(
            f"`name`={name!r} is not a layer of this model; its layers are "
            f"{[layer.name for layer in self.layers]}."
        )

    def summary_rows(self) -> list[tuple]:
        """(layer, output shape or None) per layer, plus its "Connected to" text for a
        model that is not a plain chain."""
        raise NotImplementedError

    def summary(self, print_fn=None) -> None:
        """Print the table of layers, output shapes and parameter counts, as Keras does."""
        rows = [
            (f"{layer.name} ({type(layer).__name__})", format_shape(shape), "0", *connected)
            for layer, shape, *connected in self.summary_rows()
        ]
        (print_fn or print)(summary_table(self.name, rows))

    def to_json(self, **kwargs) -> str:
        """The model's architecture as JSON, in Keras 3's layout (`model_from_json()` reads it)."""
        import json  # here: json costs import time, and only JSON round trips need it

        return json.dumps(self.json_dict(), **kwargs)

    def json_dict(self) -> dict:
        """The model's entry in Keras 3's JSON layout (a functional model's by default)."""
        return {
            "module": "keras.src.models.functional", "class_name": "Functional",
            "config": self.get_config(), "registered_name": "Functional",
            "build_config": {"input_shape": None}, "compile_config": {},
        }
