"""The layer base class: naming, dtype policy, eager and symbolic calls, config.

Pipes (`x | layer`) are not defined here: `rstyle_keras.dispatch` installs `__ror__` on
this class, as it does on Keras's, so the core never imports the dispatcher."""

from __future__ import annotations

import numpy as np

from ..arguments import POLICY_COMPUTE_DTYPES, as_int, standardize_policy, standardize_shape
from ..keras_tensor import KerasTensor
from ..naming import auto_name, to_snake_case
from ..tensor import Tensor, as_array

# Class name -> class, for every concrete layer and model: what deserializing looks up.
LAYER_CLASSES: dict[str, type] = {}

# Keyword arguments every layer takes (R's `...`), beyond the layer's own ones.
BASE_LAYER_ARGUMENTS = (
    "name", "dtype", "trainable", "autocast",
    "input_shape", "input_dim", "batch_size", "batch_input_shape",
)


class Layer:
    """Base class of all layers.

    A subclass sets `input_ndim` (the rank it accepts, batch included), and implements
    `call(x)` on a NumPy array and `compute_output_shape(input_shape)`.
    Calling a layer on a KerasTensor gives a KerasTensor; on a Tensor, NumPy array or
    nested list it gives a computed Tensor. `x | layer` is `compose_layer(x, layer)`.
    """

    __array_ufunc__ = None  # makes NumPy defer `array | layer` to Layer.__ror__
    input_ndim: int | None = None

    def __init_subclass__(cls, abstract: bool = False, **kwargs):
        super().__init_subclass__(**kwargs)
        if not abstract:
            LAYER_CLASSES[cls.__name__] = cls

    def __init__(
        self,
        *,
        name=None,
        dtype=None,
        trainable=True,
        autocast=True,
        input_shape=None,
        input_dim=None,
        batch_size=None,
        batch_input_shape=None,
        **unknown,
    ):
        if unknown:
            raise TypeError(
                f"{type(self).__name__}: unknown keyword argument(s) "
                f"{', '.join(f'`{k}`' for k in unknown)}. Accepted: "
                f"{', '.join(f'`{k}`' for k in self.accepted_arguments())}."
            )
        if name is not None and (not isinstance(name, str) or not name):
            raise TypeError(f"`name` must be a non-empty string or None; received name={name!r}.")
        self.dtype_policy = standardize_policy(dtype)
        self.trainable = bool(trainable)
        self.autocast = bool(autocast)
        self.batch_shape = self._batch_shape_argument(
            input_shape, input_dim, batch_size, batch_input_shape
        )
        # Named last, so a refused layer does not use up an automatic name.
        self.name = name if name is not None else auto_name(to_snake_case(type(self).__name__))
        self.built = True  # pooling layers have no weights: built from the start, as in Keras

    @classmethod
    def accepted_arguments(cls) -> tuple[str, ...]:
        import inspect

        own = [
            p for p in inspect.signature(cls.__init__).parameters
            if p not in ("self", "kwargs", "unknown")
        ]
        return tuple(dict.fromkeys(own + list(BASE_LAYER_ARGUMENTS)))

    @staticmethod
    def _batch_shape_argument(input_shape, input_dim, batch_size, batch_input_shape):
        """The input's batch shape given through R's `...`, or None when not given."""
        if batch_input_shape is not None:
            return standardize_shape(batch_input_shape, "batch_input_shape")
        if input_dim is not None:
            input_shape = (as_int(input_dim, "input_dim"),)
        if input_shape is None:
            return None
        if batch_size is not None:
            batch_size = as_int(batch_size, "batch_size", "a positive integer or None")
        return (batch_size, *standardize_shape(input_shape, "input_shape"))

    # -- dtypes ---------------------------------------------------------------------------
    @property
    def compute_dtype(self) -> str:
        return POLICY_COMPUTE_DTYPES[self.dtype_policy]

    @property
    def dtype(self) -> str:
        """The variable dtype ("float32" under a mixed policy), as Keras's `layer.dtype`."""
        return "float32" if self.dtype_policy.startswith("mixed_") else self.dtype_policy

    def cast_input_dtype(self, dtype: np.dtype) -> np.dtype:
        """Keras's autocast: floating inputs take the compute dtype; others stay as they are."""
        if self.autocast and dtype.kind == "f":
            return np.dtype(self.compute_dtype)
        return dtype

    def compute_output_dtype(self, input_dtype: np.dtype) -> np.dtype:
        return self.cast_input_dtype(input_dtype)

    # -- calling --------------------------------------------------------------------------
    def __call__(self, inputs):
        if isinstance(inputs, KerasTensor):
            return self._call_symbolic(inputs)
        # Tensors and arrays skip the conversion: small calls are dominated by overhead.
        if type(inputs) is Tensor:
            x = inputs._value
        elif type(inputs) is np.ndarray:
            x = inputs
        else:
            x = self._as_numeric_array(inputs)
        if x.dtype.kind not in self.accepted_dtype_kinds():
            self._check_numeric_dtype(x.dtype, inputs)
        self.check_input_shape(x.shape)
        dtype = self.cast_input_dtype(x.dtype)
        if dtype != x.dtype:
            x = x.astype(dtype)
        return Tensor(self.call(x))

    def _call_symbolic(self, inputs: KerasTensor) -> KerasTensor:
        dtype = np.dtype(inputs.dtype)
        self._check_numeric_dtype(dtype)
        self.check_input_shape(inputs.shape)
        shape = self.compute_output_shape(inputs.shape)
        return KerasTensor(
            shape, self.compute_output_dtype(dtype).name, history=(self, (inputs,))
        )

    def _as_numeric_array(self, inputs) -> np.ndarray:
        try:
            x = as_array(inputs)
        except (ValueError, TypeError) as e:  # ragged nested lists and the like
            raise TypeError(
                f"{self._who()}: `inputs` must be a Tensor, NumPy array or nested list of "
                f"numbers; received {type(inputs).__name__} that is not a regular array ({e})."
            ) from None
        self._check_numeric_dtype(x.dtype, inputs)
        return x

    def _check_numeric_dtype(self, dtype: np.dtype, inputs=None) -> None:
        if dtype.kind not in self.accepted_dtype_kinds():
            what = f"{type(inputs).__name__} of dtype {dtype}" if inputs is not None else dtype
            raise TypeError(
                f"{self._who()}: `inputs` must hold {self.accepted_dtype_names()}; "
                f"received {what}."
            )

    def accepted_dtype_kinds(self) -> str:
        return "iuf"

    def accepted_dtype_names(self) -> str:
        return "integers or floats"

    def check_input_shape(self, shape: tuple) -> None:
        """Raise a ValueError naming `inputs` when the rank is not `input_ndim`."""
        if self.input_ndim is not None and len(shape) != self.input_ndim:
            raise ValueError(
                f"{self._who()}: `inputs` must be a {self.input_ndim}D tensor "
                f"{self.expected_input_layout()}; received shape {tuple(shape)} "
                f"({len(shape)}D)."
            )

    def expected_input_layout(self) -> str:
        return ""

    def call(self, x: np.ndarray) -> np.ndarray:
        raise NotImplementedError

    def compute_output_shape(self, input_shape: tuple) -> tuple:
        raise NotImplementedError

    def _who(self) -> str:
        return f"{type(self).__name__} '{self.name}'"

    # -- config ---------------------------------------------------------------------------
    def get_config(self) -> dict:
        config = {
            "name": self.name,
            "trainable": self.trainable,
            "dtype": {
                "module": "keras",
                "class_name": "DTypePolicy",
                "config": {"name": self.dtype_policy},
                "registered_name": None,
            },
        }
        return config

    @classmethod
    def from_config(cls, config: dict):
        return cls(**config)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} name={self.name}, built={self.built}>"
