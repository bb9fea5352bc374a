"""Sequential models: a stack of single-input layers, built as layers are added."""

from __future__ import annotations

from ..keras_tensor import KerasTensor
from ..layers.input_layer import InputLayer
from ..layers.layer import Layer
from ..layers.serialization import deserialize_layer, serialize_layer
from .model import Model


class Sequential(Model):
    """A linear stack of layers. With an input shape (from `keras_model_sequential()` or
    the first layer's `input_shape=`), every `add()` checks the new layer against the
    shapes so far; without one, the model is built by its first call."""

    def __init__(self, layers=None, name=None, trainable=True, input_layer=None):
        super().__init__(name=name, trainable=trainable)
        self._layers: list[Layer] = []
        self.input_layer: InputLayer | None = input_layer
        self._build_shape: tuple | None = input_layer.batch_shape if input_layer else None
        for layer in layers or ():
            self.add(layer)

    @property
    def layers(self) -> list[Layer]:
        return list(self._layers)

    @property
    def built(self) -> bool:
        return self._build_shape is not None

    @built.setter
    def built(self, value):  # Layer.__init__ sets it; a Sequential derives it instead
        pass

    def add(self, layer) -> None:
        """Append `layer`; with a known input shape, refuse a layer that does not fit it."""
        if isinstance(layer, KerasTensor) and isinstance(layer.history[0], InputLayer):
            layer = layer.history[0]  # model$add(keras_input(...)), as Keras allows
        if isinstance(layer, InputLayer):
            if self._layers or self.input_layer is not None:
                raise ValueError("An input can only be set before any layer is added.")
            self.input_layer, self._build_shape = layer, layer.batch_shape
            return
        if not isinstance(layer, Layer):
            raise TypeError(
                f"`layer` must be a Layer (e.g. from layer_average_pooling_2d()); received "
                f"{type(layer).__name__} {layer!r}."
            )
        taken = [existing.name for existing in self._layers]
        if layer.name in taken or (self.input_layer and layer.name == self.input_layer.name):
            raise ValueError(
                f"All layers added to a Sequential model should have unique names. "
                f"Name {layer.name!r} is already the name of a layer in this model "
                f"({self.name!r}). Give it another `name=`."
            )
        if not self._layers and self.input_layer is None and layer.batch_shape is not None:
            self.input_layer = InputLayer(batch_shape=layer.batch_shape, dtype=None)
            self._build_shape = layer.batch_shape
        self._layers.append(layer)
        if self._build_shape is not None:
            try:
                self._output_shapes(self._build_shape)
            except Exception:
                self._layers.pop()
                raise

    def pop(self) -> Layer:
        """Remove and return the last layer."""
        if not self._layers:
            raise IndexError(f"There are no layers in the model {self.name!r} to pop.")
        return self._layers.pop()

    def _output_shapes(self, shape) -> list[tuple]:
        shapes = []
        for layer in self._layers:
            layer.check_input_shape(shape)
            shape = layer.compute_output_shape(shape)
            shapes.append(shape)
        return shapes

    @property
    def input_shape(self) -> tuple:
        if self._build_shape is None:
            raise AttributeError(f"Sequential model {self.name!r} has no defined input shape yet.")
        return self._build_shape

    @property
    def output_shape(self) -> tuple:
        if self._build_shape is None:
            raise AttributeError(
                f"Sequential model {self.name!r} has no defined output shape yet."
            )
        shapes = self._output_shapes(self._build_shape)
        return shapes[-1] if shapes else self._build_shape

    def compute_output_shape(self, input_shape):
        shapes = self._output_shapes(tuple(input_shape))
        return shapes[-1] if shapes else tuple(input_shape)

    def _call_symbolic(self, inputs: KerasTensor) -> KerasTensor:
        x = inputs
        for layer in self._layers:
            x = layer(x)
        return x

    def _run(self, xs):
        (x,) = xs
        if self._build_shape is None:
            self._build_shape = x.shape  # deferred build, on the first data seen (as Keras)
        for layer in self._layers:
            x = layer(x).numpy()
        return [x]

    def summary_rows(self):
        if not self.built:
            return [(layer, None) for layer in self._layers]
        shapes = self._output_shapes(self._build_shape)
        return list(zip(self._layers, shapes))

    def get_config(self) -> dict:
        layers = ([serialize_layer(self.input_layer)] if self.input_layer else []) + [
            serialize_layer(layer) for layer in self._layers
        ]
        config = {
            "name": self.name,
            "trainable": self.trainable,
            "dtype": super().get_config()["dtype"],
            "layers": layers,
        }
        if self._build_shape is not None:
            config["build_input_shape"] = list(self._build_shape)
        return config

    def json_dict(self) -> dict:
        build = list(self._build_shape) if self._build_shape is not None else None
        return {
            "module": "keras", "class_name": "Sequential", "config": self.get_config(),
            "registered_name": None, "build_config": {"input_shape": build},
            "compile_config": {},
        }

    @classmethod
    def from_config(cls, config: dict):
        model = cls(name=config.get("name"), trainable=config.get("trainable", True))
        for layer_config in config["layers"]:
            model.add(deserialize_layer(layer_config))
        if model._build_shape is None and config.get("build_input_shape"):
            model._build_shape = tuple(config["build_input_shape"])
        return model
