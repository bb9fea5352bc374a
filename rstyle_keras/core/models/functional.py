"""Functional models: a graph of layer calls from `keras_input()`s to outputs."""

from __future__ import annotations

from ..keras_tensor import KerasTensor
from ..layers.input_layer import InputLayer
from ..layers.layer import LAYER_CLASSES
from ..layers.serialization import deserialize_layer, serialize_layer
from .model import Model


def _as_tensor_list(value, name: str) -> list[KerasTensor]:
    items = list(value) if isinstance(value, (list, tuple)) else [value]
    for item in items:
        if not isinstance(item, KerasTensor):
            raise TypeError(
                f"`{name}` must be KerasTensors (from keras_input() and layer calls); "
                f"received {type(item).__name__} {item!r}."
            )
    if not items:
        raise ValueError(f"`{name}` must hold at least one KerasTensor; received none.")
    return items


class Functional(Model):
    """A model defined by the path from its input KerasTensors to its output KerasTensors.

    `nodes` lists the layer calls in an order where every call comes after the calls
    that made its inputs, so running the model is one pass over `nodes`.
    """

    def __init__(self, inputs, outputs, name=None, trainable=True):
        super().__init__(name=name, trainable=trainable)
        self.single_input = not isinstance(inputs, (list, tuple))
        self.single_output = not isinstance(outputs, (list, tuple))
        self.inputs = _as_tensor_list(inputs, "inputs")
        self.outputs = _as_tensor_list(outputs, "outputs")
        self.n_inputs = len(self.inputs)
        self.nodes = self._trace_nodes()
        self._calls = self._calls_by_layer()  # the graph never changes: work it out once

    def _trace_nodes(self) -> list[tuple]:
        """(layer, input tensors, output tensor) of every call between inputs and outputs."""
        input_ids = {id(t) for t in self.inputs}
        nodes, seen = [], set()

        def visit(tensor):
            if id(tensor) in seen:
                return
            seen.add(id(tensor))
            layer, inbound = tensor.history
            if id(tensor) in input_ids:
                return
            if isinstance(layer, InputLayer):
                raise ValueError(
                    f"`outputs` depend on the input {tensor.name!r} (layer {layer.name!r}), "
                    f"which is not among `inputs`."
                )
            for t in inbound:
                visit(t)
            nodes.append((layer, inbound, tensor))

        for output in self.outputs:
            visit(output)
        return nodes

    @property
    def layers(self):
        found = [t.history[0] for t in self.inputs]
        for layer, _, _ in self.nodes:
            if layer not in found:
                found.append(layer)
        return found

    def _call_symbolic(self, inputs):
        values = dict(zip(map(id, self.inputs), _as_tensor_list(inputs, "inputs")))
        for layer, inbound, output in self.nodes:
            values[id(output)] = layer(values[id(inbound[0])])
        outs = [values[id(t)] for t in self.outputs]
        return outs[0] if self.single_output else outs

    def _run(self, xs):
        values = {id(t): x for t, x in zip(self.inputs, xs)}
        for layer, inbound, output in self.nodes:
            values[id(output)] = layer(values[id(inbound[0])]).numpy()
        return [values[id(t)] for t in self.outputs]

    def compute_output_shape(self, input_shape):
        return self.outputs[0].shape

    @property
    def output_shape(self):
        shapes = [t.shape for t in self.outputs]
        return shapes[0] if self.single_output else shapes

    @property
    def input_shape(self):
        shapes = [t.shape for t in self.inputs]
        return shapes[0] if self.single_input else shapes

    def is_chain(self) -> bool:
        """One input, then each layer (used once) calling the one before: Keras prints
        such a model like a Sequential one, without a "Connected to" column."""
        previous = self.inputs[0]
        for _, inbound, output in self.nodes:
            if inbound[0] is not previous:
                return False
            previous = output
        layers = [layer for layer, _, _ in self.nodes]
        return (
            len(self.inputs) == 1 and self.outputs == [previous]
            and len(set(map(id, layers))) == len(layers)
        )

    def _calls_by_layer(self) -> dict[int, list[tuple]]:
        calls: dict[int, list] = {id(t.history[0]): [((), t)] for t in self.inputs}
        for layer, inbound, output in self.nodes:
            calls.setdefault(id(layer), []).append((inbound, output))
        return calls

    def layer_calls(self) -> dict[int, list[tuple]]:
        """id(layer) -> its calls in this model, as (input tensors, output tensor);
        an input layer has one call with no inputs."""
        return self._calls

    def history_ref(self, tensor) -> list:
        """[layer name, node index, tensor index]: where `tensor` comes from, as Keras
        writes it; the node index counts the calls of that layer in this model."""
        layer = tensor.history[0]
        outputs = [output for _, output in self.layer_calls()[id(layer)]]
        return [layer.name, next(i for i, t in enumerate(outputs) if t is tensor), 0]

    def summary_rows(self):
        calls, chain = self.layer_calls(), self.is_chain()
        rows = []
        for layer in self.layers:
            row = [layer, calls[id(layer)][-1][1].shape]
            if not chain:
                sources = [
                    "{}[{}][{}]".format(*self.history_ref(t))
                    for inbound, _ in calls[id(layer)] for t in inbound
                ]
                row.append(", ".join(sources) or "-")
            rows.append(tuple(row))
        return rows

    def get_config(self) -> dict:
        """The config, with each layer's inbound nodes (Keras 3's functional layout)."""
        calls = self.layer_calls()
        layers = []
        for layer in self.layers:
            entry = serialize_layer(layer)
            entry["name"] = layer.name
            entry["inbound_nodes"] = [
                {
                    "args": [
                        {
                            "class_name": "__keras_tensor__",
                            "config": {
                                "shape": list(t.shape), "dtype": t.dtype,
                                "keras_history": self.history_ref(t),
                            },
                        }
                        for t in inbound
                    ],
                    "kwargs": {},
                }
                for inbound, _ in calls[id(layer)]
                if inbound  # an input layer has no inbound node
            ]
            layers.append(entry)

        def refs(tensors, single):
            found = [self.history_ref(t) for t in tensors]
            return found[0] if single else found

        return {
            "name": self.name,
            "trainable": self.trainable,
            "layers": layers,
            "input_layers": refs(self.inputs, self.single_input),
            "output_layers": refs(self.outputs, self.single_output),
        }

    @classmethod
    def from_config(cls, config: dict):
        """Recreate the layers and replay their calls in the order the config lists them."""
        produced: dict[tuple[str, int], object] = {}
        for entry in config["layers"]:
            layer = deserialize_layer(entry)
            if isinstance(layer, InputLayer):
                produced[(layer.name, 0)] = layer.output
                continue
            for i, node in enumerate(entry.get("inbound_nodes", [])):
                args = node["args"]
                if len(args) != 1:
                    raise ValueError(
                        f"Layer {layer.name!r}: only single-input calls are supported."
                    )
                source, source_node, _ = args[0]["config"]["keras_history"]
                produced[(layer.name, i)] = layer(produced[(source, source_node)])

        def tensors(refs):
            single = bool(refs) and isinstance(refs[0], str)
            found = [produced[(name, index)] for name, index, _ in ([refs] if single else refs)]
            return found[0] if single else found

        return cls(
            tensors(config["input_layers"]), tensors(config["output_layers"]),
            name=config.get("name"), trainable=config.get("trainable", True),
        )


LAYER_CLASSES["Model"] = Functional  # Keras saves functional models under both names
