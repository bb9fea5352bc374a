"""R keras3's class constructors: custom Keras layers, models, losses, metrics, callbacks,
constraints and learning rate schedules, defined the R way.

| R keras3                                    | rstyle_keras                                |
|---------------------------------------------|---------------------------------------------|
| `Layer("Name", initialize = function(...))` | `Layer("Name", initialize=initialize, ...)` |
| `function(units = 32) {...}` (a method)     | `def initialize(self, units=32): ...`       |
| `self$units <- units`                       | `self.units = units`                        |
| `super$initialize(...)`                     | `super().initialize(...)` (or `.__init__`)  |
| `private$x`, `__class__`, the class name    | `private.x`, `__class__`, the class name    |
| `get_config = function() list(units = 2)`   | `def get_config(self): return {"units": 2}` |
| `new_layer_class(...)`, ...                 | the same names                              |

Methods are plain Python functions whose first parameter is `self` (R's `self`), defined
anywhere: at module level, as lambdas, or nested in other functions (closing over their
variables). Inside them, as in R keras3's methods, these names are in scope:

* `super`: `super()` works as in a class body (no `__class__` cell needed), as does
  `super(Class, self)`; R's `super$initialize()` may also be written `super.initialize()`.
  On all of them `initialize` means `__init__` and `finalize` `__del__`, as in R keras3.
  From a function nested in a method, `super()` finds that method's `self`.
* `private`: a namespace of the instance's own, invisible to Keras (R's `private`): it
  starts with copies of the class's `private=` members, its functions bound to `self`.
  (This module's `private` stands for it outside the methods, so that linters know the
  name: import it, and the methods still see their instance's.)
* `__class__` and the class name: the new class.

They are made available by giving each method that uses them a globals mapping of its own
that adds these names and reads every other name live from the method's module, so the
function's other globals, defaults and closure stay as they were. (A method that uses them
cannot also assign module globals with a `global` statement: that is an error naming it.)

What each constructor returns, as R keras3's:

* `Layer()`: a composing constructor with `object` first, like every `layer_*()` function:
  `custom(object=None, ...)` makes the layer with the other arguments (by position or name,
  given to `initialize`) and composes it with `object` (None: the layer; a Sequential
  model: added; a KerasTensor: its symbolic output; data: the computed result).
* `Model()`, `Loss()`, `Metric()`, `Callback()`, `Constraint()`, `LearningRateSchedule()`:
  the class itself, which makes instances when called (R's constructor function).

The classes are real Keras subclasses. As in R keras3 they are not registered with Keras's
serialization on their own: give them to `custom_objects` (the `Layer()` constructor works
there, as in R's `custom_objects = list(CustomDense = custom_dense)`), or register them
with `register_keras_serializable()`.

Examples:
    R keras3's functional API tutorial defines a layer and saves it in a model's config:

    >>> from rstyle_keras.r.classes import Layer
    >>> from rstyle_keras.dispatch import keras
    >>> config_set_engine("keras")
    >>> def initialize(self, units=32, **kwargs):
    ...     super().initialize()
    ...     self.units = int(units)
    >>> def build(self, input_shape):
    ...     self.w = self.add_weight(shape=shape(input_shape[-1], self.units),
    ...                              initializer="random_normal", trainable=True)
    ...     self.b = self.add_weight(shape=shape(self.units),
    ...                              initializer="random_normal", trainable=True)
    >>> def call(self, inputs):
    ...     return keras().ops.matmul(inputs, self.w) + self.b
    >>> def get_config(self):
    ...     return {"units": self.units}
    >>> custom_dense = Layer(
    ...     classname="CustomDense",
    ...     initialize=initialize,
    ...     build=build,
    ...     call=call,
    ...     get_config=get_config,
    ... )
    >>> inputs = keras_input(c(4))
    >>> outputs = custom_dense(inputs, 10)
    >>> model = keras_model(inputs, outputs)
    >>> config = model.get_config()
    >>> new_model = keras().Model.from_config(
    ...     config, custom_objects={"CustomDense": custom_dense})
    >>> new_model.output_shape, type(new_model.layers[1]).__name__
    ((None, 10), 'CustomDense')
    >>> config_set_engine("numpy")
"""

from __future__ import annotations

import builtins
import copy
import functools
import inspect
import sys
import types
from collections.abc import Mapping

from ..dispatch import composable, compose_layer, keras, refuse
from .layers import REQUIRED, RFunction

__all__ = [
    "Callback", "Constraint", "Layer", "LayerWrapper", "LearningRateSchedule", "Loss",
    "Metric", "Model", "active_property", "mark_active", "new_callback_class",
    "new_layer_class", "new_learning_rate_schedule_class", "new_loss_class",
    "new_metric_class", "new_model_class", "private", "register_keras_serializable",
]

# R keras3's method names that Python spells otherwise (on members and on `super`).
R_METHOD_NAMES = {"initialize": "__init__", "finalize": "__del__"}

# Callback methods whose first argument is a 0-based epoch or batch index in Keras: R
# keras3 passes it 1-based; the other on_*() methods take only `logs`. For all of them a
# named list (dict) the method returns is merged into `logs`.
CALLBACK_INDEXED = frozenset({
    "on_epoch_begin", "on_epoch_end", "on_batch_begin", "on_batch_end",
    "on_train_batch_begin", "on_train_batch_end", "on_test_batch_begin",
    "on_test_batch_end", "on_predict_batch_begin", "on_predict_batch_end",
})
CALLBACK_LOGS_ONLY = frozenset({
    "on_train_begin", "on_train_end", "on_test_begin", "on_test_end",
    "on_predict_begin", "on_predict_end",
})

_CO_VARARGS = inspect.CO_VARARGS


# -- what the methods of one class share --------------------------------------------------------
class _MethodGlobals(dict):
    """The globals of a method that uses `super`, `private`, `__class__` or the class name:
    those names, and every other name read live from the method's own module."""

    def __init__(self, state: _ClassState, module_globals: dict):
        super().__init__(super=state.super, private=state.private)
        self["__builtins__"] = module_globals.get("__builtins__", builtins)
        self.state = state
        self.module_globals = module_globals

    def __missing__(self, key):
        return self.module_globals[key]


class _ClassState:
    """One class being defined: its name, the class once made, the method code objects (to
    find `self` on the stack) and the globals mappings of its methods, one per module."""

    def __init__(self, classname: str):
        self.classname = classname
        self.cls = None
        self.codes: set = set()
        self.globals: dict[int, _MethodGlobals] = {}
        self.private_members: dict = {}
        self.private_key = f"_rstyle_private_{classname}_{id(self)}"
        self.super = object.__new__(_Super)
        object.__setattr__(self.super, "_state", self)
        self.private = object.__new__(_Private)
        object.__setattr__(self.private, "_state", self)
        self.names = {"super", "private", "__class__", classname}

    def globals_for(self, module_globals: dict) -> _MethodGlobals:
        found = self.globals.get(id(module_globals))
        if found is None:
            found = self.globals[id(module_globals)] = _MethodGlobals(self, module_globals)
        return found

    def finish(self, cls) -> None:
        self.cls = cls
        for mapping in self.globals.values():
            mapping["__class__"] = cls
            if self.classname.isidentifier():
                mapping[self.classname] = cls

    def instance(self, frame, what: str):
        """The `self` (or `cls`) of the nearest method of this class on the stack."""
        while frame is not None:
            f_globals = frame.f_globals
            if frame.f_code in self.codes and getattr(f_globals, "state", None) is self:
                return _first_argument(frame)
            frame = frame.f_back
        raise RuntimeError(
            f"`{what}` works inside the methods of {self.classname} only (R's `super` and "
            f"`private` belong to a method's `self`); it was used outside them."
        )

    def private_namespace(self, obj) -> types.SimpleNamespace:
        if isinstance(obj, type):
            raise RuntimeError(
                f"`private` belongs to an instance of {self.classname}; a class method "
                f"(such as from_config) has none."
            )
        namespace = vars(obj).get(self.private_key)
        if namespace is None:
            namespace = types.SimpleNamespace()
            for name, value in self.private_members.items():
                if isinstance(value, types.FunctionType):
                    value = types.MethodType(value, obj)
                else:
                    value = copy.copy(value)
                setattr(namespace, name, value)
            # Straight into the instance's __dict__: Keras's attribute tracking never sees it.
            vars(obj)[self.private_key] = namespace
        return namespace


def _first_argument(frame):
    code = frame.f_code
    if code.co_argcount:
        return frame.f_locals[code.co_varnames[0]]
    if code.co_flags & _CO_VARARGS:
        args = frame.f_locals[code.co_varnames[code.co_kwonlyargcount]]
        if args:
            return args[0]
    raise RuntimeError(f"{code.co_name}() has no first argument (R's `self`).")


class _MappedSuper(builtins.super):
    """Python's super object, with R keras3's names: `initialize` is `__init__`,
    `finalize` is `__del__`."""

    def __getattribute__(self, name):
        return builtins.super.__getattribute__(self, R_METHOD_NAMES.get(name, name))


class _Super:
    """`super` in the methods of a class made here: `super()` (as in a class body),
    `super(Class, self)`, and R keras3's `super$initialize(...)` as `super.initialize(...)`
    or `super.__init__(...)`."""

    __slots__ = ("_state",)

    def __call__(self, *args):
        if args:
            return _MappedSuper(*(_unwrap(a) for a in args))
        state = self._state
        return _MappedSuper(state.cls, state.instance(sys._getframe(1), "super()"))

    def __init__(self, *args, **kwargs):  # `super.__init__(...)`; never a constructor here
        state = self._state
        obj = state.instance(sys._getframe(1), "super.__init__()")
        _MappedSuper(state.cls, obj).__init__(*args, **kwargs)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        state = self._state
        obj = state.instance(sys._getframe(1), f"super.{name}")
        return getattr(_MappedSuper(state.cls, obj), name)

    def __repr__(self) -> str:
        return f"<super of {self._state.classname}: super(), super.initialize()>"


class _Private:
    """`private` in the methods of a class made here: the instance's own namespace."""

    __slots__ = ("_state",)

    def _namespace(self, frame):
        state = object.__getattribute__(self, "_state")
        return state.private_namespace(state.instance(frame, "private"))

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return getattr(self._namespace(sys._getframe(1)), name)

    def __setattr__(self, name, value):
        setattr(self._namespace(sys._getframe(1)), name, value)

    def __delattr__(self, name):
        delattr(self._namespace(sys._getframe(1)), name)

    def __repr__(self) -> str:
        return f"<private of {object.__getattribute__(self, '_state').classname}>"


class _PrivateOutside:
    """`private` outside the methods: a name for linters, and an error when used."""

    __slots__ = ()

    def _refuse(self, *args):
        raise AttributeError(  # an AttributeError: tools that probe attributes carry on
            "`private` works inside the methods of a class made by Layer(), Model(), ... "
            "only (R's `private`, each instance's own namespace)."
        )

    __getattr__ = __setattr__ = __delattr__ = _refuse

    def __repr__(self) -> str:
        return "<private: inside the methods of classes made by Layer(), Model(), ...>"


private = _PrivateOutside()


# -- methods --------------------------------------------------------------------------------------
def _code_names(code) -> set:
    names = set(code.co_names)
    for const in code.co_consts:
        if isinstance(const, types.CodeType):
            names |= _code_names(const)
    return names


def _assigns_globals(code) -> bool:
    import dis

    if any(i.opname in ("STORE_GLOBAL", "DELETE_GLOBAL") for i in dis.get_instructions(code)):
        return True
    return any(_assigns_globals(c) for c in code.co_consts if isinstance(c, types.CodeType))


def _method(fn, name: str, state: _ClassState, first: str | None = "self"):
    """`fn` as a method `name` of the class: a copy named for the class; with the class's
    names in scope when it uses them. Anything but a plain function is kept as it is."""
    if not isinstance(fn, types.FunctionType):
        return fn
    _check_first_parameter(fn, name, state.classname, first)
    module_globals = fn.__globals__
    if isinstance(module_globals, _MethodGlobals):  # a method of another class made here
        module_globals = module_globals.module_globals
    uses = _code_names(fn.__code__) & state.names
    if uses and _assigns_globals(fn.__code__):
        raise TypeError(
            f"{state.classname}.{name}: a method that uses {', '.join(sorted(uses))} cannot "
            f"also assign module globals (a `global` statement); move that assignment into "
            f"a helper function at module level and call it from the method."
        )
    new = types.FunctionType(
        fn.__code__, state.globals_for(module_globals) if uses else module_globals,
        name, fn.__defaults__, fn.__closure__,
    )
    new.__kwdefaults__ = dict(fn.__kwdefaults__) if fn.__kwdefaults__ else None
    new.__dict__.update(fn.__dict__)
    new.__doc__ = fn.__doc__
    new.__annotations__ = dict(fn.__annotations__)
    new.__module__ = fn.__module__
    new.__qualname__ = f"{state.classname}.{name}"
    if uses:
        state.codes.add(fn.__code__)
    return new


def _check_first_parameter(fn, name: str, classname: str, first: str | None) -> None:
    if first is None:
        return
    try:
        params = list(inspect.signature(fn).parameters.values())
    except (TypeError, ValueError):
        return
    P = inspect.Parameter
    if params and params[0].kind is P.VAR_POSITIONAL:
        return
    if params and params[0].kind in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD) and (
            first == "cls" or params[0].name == first):
        return
    shown = ", ".join(p.name for p in params)
    raise TypeError(
        f"{classname}.{name}: a method takes `{first}` first (R's `{first}` is an explicit "
        f"first parameter in Python): def {name}({first}, ...); received a function of "
        f"({shown}). (To keep a function as a plain attribute, wrap it in staticmethod().)"
    )


def _member(value, name: str, state: _ClassState):
    """One class member: functions become methods (classmethods for from_config), and the
    functions inside properties, class methods and static methods are copied alike."""
    if isinstance(value, property):
        getters = {}

        def one(f):
            if f is None:
                return None
            if id(f) not in getters:
                getters[id(f)] = _method(f, name, state)
            return getters[id(f)]

        return property(one(value.fget), one(value.fset), one(value.fdel), value.__doc__)
    if isinstance(value, classmethod):
        return classmethod(_method(value.__func__, name, state, first="cls"))
    if isinstance(value, staticmethod):
        return staticmethod(_method(value.__func__, name, state, first=None))
    if name == "from_config" and isinstance(value, types.FunctionType):
        return classmethod(_method(value, name, state, first="cls"))  # as R keras3 does
    return _method(value, name, state)


def _callback_method(fn, indexed: bool):
    """R keras3's callback methods: the epoch or batch index 1-based, and a dict the method
    returns merged into `logs`."""
    if not callable(fn) or isinstance(fn, (property, classmethod, staticmethod)):
        return fn
    if indexed:
        @functools.wraps(fn)
        def method(self, index, logs=None):
            result = fn(self, index + 1, logs)
            if isinstance(result, dict) and logs is not None:
                logs.update(result)
    else:
        @functools.wraps(fn)
        def method(self, logs=None):
            result = fn(self, logs)
            if isinstance(result, dict) and logs is not None:
                logs.update(result)
    return method


# -- defining a class -----------------------------------------------------------------------------
def _unwrap(obj):
    """The Keras object behind an R constructor (R keras3's `resolve_py_obj()`): a
    `Layer()` constructor's class, a `layer_*()` function's Keras class (another R
    function's Keras target); anything else as it is."""
    if isinstance(obj, LayerWrapper):
        return obj.keras_class
    if isinstance(obj, RFunction):
        spec = obj.spec
        if hasattr(spec, "layer_class"):
            return spec.layer_class("keras")
        if hasattr(spec, "keras_target"):
            return spec.keras_target()
    return obj


def _bases(inherit, default) -> tuple:
    items = inherit if isinstance(inherit, (list, tuple)) else [default if inherit is None
                                                                 else inherit]
    bases = tuple(_unwrap(b) for b in items)
    for base in bases:
        if not isinstance(base, type):
            raise TypeError(
                f"`inherit` must be a class (a Keras class, a class made by Layer(), Model(), "
                f"..., a Layer() constructor or a layer_*() function), or a list of them; "
                f"received {type(base).__name__} {base!r}."
            )
    return bases


def _as_members(value, argument: str) -> dict:
    if value is None:
        return {}
    if isinstance(value, Mapping) or hasattr(value, "items") and hasattr(value, "keys"):
        return dict(value.items())
    raise TypeError(
        f"`{argument}` must be a dict of names to members (R's named list); received "
        f"{type(value).__name__}."
    )


def _check_classname(classname) -> None:
    if not isinstance(classname, str) or not classname:
        raise TypeError(
            f"`classname` must be a non-empty string, the new class's name (CamelCase by "
            f"convention, as \"CustomDense\"); received {classname!r}."
        )


def _caller_module(depth: int = 3) -> str:
    try:
        return sys._getframe(depth).f_globals.get("__name__", "__main__")
    except ValueError:  # pragma: no cover - a shallower stack than expected
        return "__main__"


def define_class(constructor: str, classname, methods: dict, dots: dict, public, private,
                 inherit, default_base, module: str, rename_call: bool = False,
                 callback: bool = False):
    """Make the class (the shared path of every constructor here).

    `methods` are the named method arguments (None: not given), `dots` R's `...` members,
    `public` and `private` R's lists; `default_base` the Keras class inherited by default.
    """
    _check_classname(classname)
    for name, fn in methods.items():
        if fn is not None and not callable(fn):
            raise TypeError(
                f"{constructor}(): `{name}` must be a function whose first parameter is "
                f"`self` (def {name}(self, ...)), or None; received {type(fn).__name__}."
            )
    members = {name: fn for name, fn in methods.items() if fn is not None}
    # R: `...` and then `public` override the named methods; a None in `...` is a member
    # set to None, except in Callback(), where it leaves the member out.
    members.update({k: v for k, v in dots.items() if not (callback and v is None)})
    members.update(_as_members(public, "public"))
    for r_name, py_name in R_METHOD_NAMES.items():
        if r_name in members and py_name in members:
            raise ValueError(
                f"{constructor}(): give `{r_name}` or `{py_name}`, not both (R's "
                f"`{r_name}` is Python's `{py_name}`)."
            )
        if r_name in members:
            members[py_name] = members.pop(r_name)
    if rename_call and "call" in members and "__call__" not in members:
        members["__call__"] = members.pop("call")  # Keras calls constraints and schedules

    state = _ClassState(classname)
    namespace = {"__module__": module, "__qualname__": classname}
    for name, value in members.items():
        value = _member(value, name, state)
        if callback and name in CALLBACK_INDEXED:
            value = _callback_method(value, indexed=True)
        elif callback and name in CALLBACK_LOGS_ONLY:
            value = _callback_method(value, indexed=False)
        namespace[name] = value
    for name, value in _as_members(private, "private").items():
        state.private_members[name] = (
            _method(value, name, state) if isinstance(value, types.FunctionType) else value)
    bases = _bases(inherit, default_base)
    namespace.setdefault(
        "__doc__", f"{classname}: a custom {bases[0].__name__} class made by {constructor}().")
    cls = types.new_class(classname, bases, exec_body=lambda ns: ns.update(namespace))
    state.finish(cls)
    return cls


# -- Layer(): the composing constructor -----------------------------------------------------------
class LayerWrapper:
    """What `Layer()` returns: the custom layer class's composing constructor, with `object`
    first as in every `layer_*()` function.

    `keras_class` is the Keras class. `isinstance(layer, wrapper)` and
    `issubclass(cls, wrapper)` ask about that class, and `from_config()` is its own, so the
    constructor may stand for the class in `custom_objects`, in `inherit=`, and in
    `super(wrapper, self)`.
    """

    def __init__(self, keras_class):
        self.keras_class = keras_class
        self.__name__ = self.__qualname__ = keras_class.__name__
        self.__module__ = keras_class.__module__
        self.__doc__ = self._doc()

    def __call__(self, *args, **kwargs):
        cls = self.keras_class
        if args:
            object, args = args[0], args[1:]
            if "object" in kwargs:
                raise TypeError(f"{self.__name__}() got multiple values for `object`.")
        else:
            object = kwargs.pop("object", None)
        if object is not None and not composable(object, cls):
            refuse(object, cls, self._first_parameters)  # before the layer exists
        return compose_layer(object, cls(*args, **kwargs))

    def from_config(self, config):
        """The class's `from_config()` (Keras calls it on what `custom_objects` names)."""
        return self.keras_class.from_config(config)

    def __instancecheck__(self, obj) -> bool:
        return isinstance(obj, self.keras_class)

    def __subclasscheck__(self, cls) -> bool:
        return issubclass(cls, self.keras_class)

    def __get__(self, instance, owner=None):  # a routine to pydoc; never bound as a method
        return self

    @functools.cached_property
    def _init_parameters(self) -> list:
        params = list(inspect.signature(self.keras_class.__init__).parameters.values())
        return params[1:] if params and params[0].kind is not params[0].VAR_POSITIONAL \
            else params

    @property
    def _first_parameters(self) -> tuple:
        P = inspect.Parameter
        return tuple(p.name for p in self._init_parameters
                     if p.kind in (P.POSITIONAL_ONLY, P.POSITIONAL_OR_KEYWORD))[:1]

    @property
    def __signature__(self) -> inspect.Signature:
        P = inspect.Parameter
        params = [P("object", P.POSITIONAL_OR_KEYWORD, default=None)]
        for p in self._init_parameters:
            if p.kind is P.POSITIONAL_ONLY:
                p = p.replace(kind=P.POSITIONAL_OR_KEYWORD)
            if p.kind is P.POSITIONAL_OR_KEYWORD and p.default is P.empty:
                p = p.replace(default=REQUIRED)  # R's missing argument, shown after `object`
            params.append(p)
        return inspect.Signature(params)

    def _doc(self) -> str:
        cls = self.keras_class
        init = vars(cls).get("__init__")
        own = inspect.getdoc(init) if init is not None and init.__doc__ else None
        return "\n".join([
            f"The composing constructor of the custom layer class {cls.__name__} (made by "
            f"Layer()): {self.__name__}{self.__signature__}.",
            "",
            "Arguments:",
            "    object: None, a Sequential model, a KerasTensor, or data.",
            f"    ...: the arguments of {cls.__name__}'s initialize(), by position or name.",
            "",
            "Value: by the first argument, as in R keras3: None -> the layer; a Sequential",
            "model -> the model, with the layer added; a KerasTensor -> its symbolic output;",
            "data (a tensor, NumPy array or list) -> the computed result.",
            *(["", f"{cls.__name__}'s initialize():", "", own] if own else []),
        ])

    def __repr__(self) -> str:
        return f"<Layer() constructor {self.__name__}{self.__signature__}>"


def Layer(classname, initialize=None, call=None, build=None, get_config=None, *,
          public=None, private=None, inherit=None, parent_env=None, **members):
    """Define a custom Keras `Layer` class (R keras3's `Layer()`, also `new_layer_class()`).

    Arguments:
        classname: the new class's name (a string; CamelCase by convention).
        initialize, call, build, get_config: the methods most layers define, each a
            function whose first parameter is `self`: `initialize(self, ...)` becomes
            `__init__` (call `super().initialize(...)` or `super().__init__(...)` in it,
            before setting attributes); `build(self, input_shape)` creates the weights
            that depend on the input shape (`self.w = self.add_weight(...)`);
            `call(self, inputs, ...)` computes (optionally with `training` and `mask`);
            `get_config(self)` returns a dict of `initialize`'s arguments, for saving.
        **members: R's `...`: more methods (`compute_output_shape`, `from_config`, which
            becomes a class method taking `cls` first, ...) or class attributes;
            properties from `active_property()`.
        public: a dict of more members (R's `public` list; it overrides the others).
        private: a dict of members each instance gets its own copy of, invisible to
            Keras, read in methods as `private.<name>` (functions are bound to `self`).
        inherit: the base class (default `keras.Layer`): a Keras class, a class made here,
            a `Layer()` constructor, a `layer_*()` function, or a list of them.
        parent_env: accepted for R's signature and ignored: a Python method carries its
            own globals and closure.

    Inside the methods, `super`, `private`, `__class__` and the class name are in scope
    (see the module's documentation).

    Value: a composing layer constructor (a `LayerWrapper`), as R keras3's: its first
    argument is `object`, the others go to `initialize` (by position or name). `object`
    None (or not given) returns the layer; a Sequential model gets it added; a KerasTensor
    or data is passed through it. Keras is needed (an ImportError says what to install).

    Examples:
        >>> from rstyle_keras.r.classes import Layer
        >>> from rstyle_keras.dispatch import keras
        >>> ops = keras().ops
        >>> def initialize(self, units=32):
        ...     super().initialize()
        ...     self.units = units
        >>> def build(self, input_shape):
        ...     self.kernel = self.add_weight(shape=shape(input_shape[-1], self.units),
        ...                                   initializer="glorot_uniform", name="kernel")
        ...     self.bias = self.add_weight(shape=shape(self.units), initializer="zeros",
        ...                                 name="bias")
        >>> layer_simple_dense = Layer(
        ...     "SimpleDense",
        ...     initialize=initialize,
        ...     build=build,
        ...     call=lambda self, inputs: ops.matmul(inputs, self.kernel) + self.bias,
        ... )
        >>> linear_layer = layer_simple_dense(None, 4)     # R's layer_simple_dense(, 4)
        >>> y = linear_layer(ops.ones((2, 2)))
        >>> len(linear_layer.weights), len(linear_layer.trainable_weights)
        (2, 2)
        >>> (ops.ones((2, 2)) | layer_simple_dense(units=3)).shape   # data: computed
        (2, 3)
        >>> model = keras().Sequential([keras().Input((5,))])
        >>> model | layer_simple_dense(units=2) is model            # a model: added
        True
        >>> model.output_shape
        (None, 2)

        A non-trainable weight, updated in `call()`:

        >>> def initialize(self, input_dim):
        ...     super().initialize()
        ...     self.total = self.add_weight(shape=shape(), initializer="zeros",
        ...                                  trainable=False, name="total")
        >>> def call(self, inputs):
        ...     self.total.assign(self.total + ops.sum(inputs))
        ...     return self.total
        >>> layer_compute_sum = Layer(classname="ComputeSum", initialize=initialize, call=call)
        >>> my_sum = layer_compute_sum(None, 2)
        >>> float(my_sum(ops.ones((2, 2)))), float(my_sum(ops.ones((2, 2))))
        (4.0, 8.0)
        >>> len(my_sum.non_trainable_weights), len(my_sum.trainable_weights)
        (1, 0)
    """
    k = keras()
    cls = define_class(
        "Layer", classname,
        dict(initialize=initialize, call=call, build=build, get_config=get_config),
        members, public, private, inherit, k.Layer, _caller_module(2),
    )
    return LayerWrapper(cls)


def Model(classname, initialize=None, call=None, train_step=None, predict_step=None,
          test_step=None, compute_loss=None, compute_metrics=None, *, public=None,
          private=None, inherit=None, parent_env=None, **members):
    """Define a custom Keras `Model` class (R keras3's `Model()`, also `new_model_class()`).

    For models that need their own `call()` logic or training step; a model of layers is
    simpler with `keras_model()` or `keras_model_sequential()`.

    Arguments:
        classname: the new class's name (a string).
        initialize, call, train_step, predict_step, test_step, compute_loss,
            compute_metrics: methods to define, each a function whose first parameter is
            `self` (`initialize` becomes `__init__`).
        **members, public, private, inherit, parent_env: as for `Layer()` (`inherit`
            defaults to `keras.Model`).

    Value: the class (a `keras.Model` subclass); call it to make a model, as R's
    constructor. It does not compose with a first argument (R keras3's does not either).

    Examples:
        >>> from rstyle_keras.r.classes import Model
        >>> from rstyle_keras.dispatch import keras
        >>> def initialize(self, **kwargs):
        ...     super().initialize(**kwargs)
        ...     self.dense_1 = layer_dense(units=64, activation="relu")
        ...     self.dense_2 = layer_dense(units=10)
        >>> config_set_engine("keras")
        >>> MLP = Model(
        ...     classname="MLP",
        ...     initialize=initialize,
        ...     call=lambda self, inputs: inputs | self.dense_1 | self.dense_2,
        ... )
        >>> mlp = MLP()
        >>> out = mlp(keras().ops.zeros((1, 32)))
        >>> out.shape, mlp.count_params()
        ((1, 10), 2762)
        >>> config_set_engine("numpy")
    """
    return define_class(
        "Model", classname,
        dict(initialize=initialize, call=call, train_step=train_step,
             predict_step=predict_step, test_step=test_step, compute_loss=compute_loss,
             compute_metrics=compute_metrics),
        members, public, private, inherit, keras().Model, _caller_module(2),
    )


def Loss(classname, call=None, *, public=None, private=None, inherit=None, parent_env=None,
         **members):
    """Define a custom Keras `Loss` class (R keras3's `Loss()`, also `new_loss_class()`).

    Arguments:
        classname: the new class's name (a string).
        call: `call(self, y_true, y_pred)`, the loss of each sample; Keras reduces it
            (and weights it by `sample_weight`) when the loss is called.
        **members, public, private, inherit, parent_env: as for `Layer()` (`inherit`
            defaults to `keras.losses.Loss`; an `initialize` member becomes `__init__`).

    Value: the class; its instances (`name=None, reduction="sum_over_batch_size",
    dtype=None` by default) go to `compile(loss=)` or are called as `loss(y_true, y_pred)`.

    Examples:
        >>> from rstyle_keras.r.classes import Loss
        >>> from rstyle_keras.dispatch import keras
        >>> ops = keras().ops
        >>> loss_custom_mse = Loss(
        ...     classname="CustomMeanSquaredError",
        ...     call=lambda self, y_true, y_pred: ops.mean(ops.square(y_pred - y_true),
        ...                                                axis=-1),
        ... )
        >>> mse = loss_custom_mse(name="my_custom_mse_instance")
        >>> y_true = ops.reshape(ops.arange(20, dtype="float32"), (4, 5))
        >>> y_pred = y_true * 2
        >>> float(mse(y_true, y_pred))          # the mean of 0^2, 1^2, ..., 19^2
        123.5
        >>> float(mse(y_true, y_pred, sample_weight=np.array([0.25, 0.25, 1, 1])))
        112.8125
    """
    return define_class(
        "Loss", classname, dict(call=call), members, public, private, inherit,
        keras().losses.Loss, _caller_module(2),
    )


def Metric(classname, initialize=None, update_state=None, result=None, *, public=None,
           private=None, inherit=None, parent_env=None, **members):
    """Define a custom Keras `Metric` class (R keras3's `Metric()`, also
    `new_metric_class()`).

    Arguments:
        classname: the new class's name (a string).
        initialize: `initialize(self, ...)`: call `super().initialize(...)`, then create
            the state with `self.add_variable()` (or `self.add_weight()`).
        update_state: `update_state(self, y_true, y_pred, sample_weight=None)`: update the
            state variables (`self.var.assign(...)`).
        result: `result(self)`: the metric's value (a scalar, or a dict of them).
        **members, public, private, inherit, parent_env: as for `Layer()` (`inherit`
            defaults to `keras.metrics.Metric`; `reset_state` is one more method).

    Value: the class; its instances go to `compile(metrics=)` or are used on their own.

    Examples:
        >>> from rstyle_keras.r.classes import Metric
        >>> from rstyle_keras.dispatch import keras
        >>> ops = keras().ops
        >>> def initialize(self, name="binary_true_positives", **kwargs):
        ...     super().initialize(name=name, **kwargs)
        ...     self.true_positives = self.add_weight(shape=shape(), initializer="zeros",
        ...                                           name="true_positives")
        >>> def update_state(self, y_true, y_pred, sample_weight=None):
        ...     values = ops.logical_and(ops.cast(y_true, "bool"), ops.cast(y_pred, "bool"))
        ...     values = ops.cast(values, self.dtype)
        ...     if sample_weight is not None:
        ...         values = values * ops.cast(sample_weight, self.dtype)
        ...     self.true_positives.assign(self.true_positives + ops.sum(values))
        >>> metric_binary_true_positives = Metric(
        ...     classname="BinaryTruePositives",
        ...     initialize=initialize,
        ...     update_state=update_state,
        ...     result=lambda self: self.true_positives,
        ... )
        >>> m = metric_binary_true_positives()
        >>> m.update_state(np.array([1, 1, 0, 1]), np.array([1, 0, 1, 1]))
        >>> m.name, float(m.result())
        ('binary_true_positives', 2.0)
    """
    return define_class(
        "Metric", classname,
        dict(initialize=initialize, update_state=update_state, result=result),
        members, public, private, inherit, keras().metrics.Metric, _caller_module(2),
    )


def Callback(classname, on_epoch_begin=None, on_epoch_end=None, on_train_begin=None,
             on_train_end=None, on_train_batch_begin=None, on_train_batch_end=None,
             on_test_begin=None, on_test_end=None, on_test_batch_begin=None,
             on_test_batch_end=None, on_predict_begin=None, on_predict_end=None,
             on_predict_batch_begin=None, on_predict_batch_end=None, *, public=None,
             private=None, inherit=None, parent_env=None, **members):
    """Define a custom Keras `Callback` class (R keras3's `Callback()`, also
    `new_callback_class()`).

    Arguments:
        classname: the new class's name (a string).
        on_epoch_begin, on_epoch_end, on_train_batch_begin, ...: `(self, epoch, logs=None)`
            or `(self, batch, logs=None)`: as in R keras3, `epoch` and `batch` are 1-based
            (the first epoch is 1), and `logs` is a dict of the metrics so far.
        on_train_begin, on_train_end, on_test_begin, ...: `(self, logs=None)`.
            For all of them, a dict the method returns is merged into `logs` (R keras3's
            rule for a returned named list). `on_batch_begin`/`on_batch_end` (Keras's
            names for the training batch methods) may come in `...` and are 1-based too.
        **members, public, private, inherit, parent_env: as for `Layer()` (`inherit`
            defaults to `keras.callbacks.Callback`). In the methods, `self.model` is the
            model being trained and `self.params` the training parameters.

    Value: the class; its instances go to `fit(callbacks=)`, `evaluate()`, `predict()`.

    Examples:
        >>> from rstyle_keras.r.classes import Callback
        >>> from rstyle_keras.dispatch import keras
        >>> seen = []
        >>> callback_epochs = Callback(
        ...     "RecordEpochs",
        ...     on_epoch_end=lambda self, epoch, logs=None: seen.append(epoch),
        ... )
        >>> model = keras().Sequential([keras().Input((1,)), keras().layers.Dense(1)])
        >>> model.compile(loss="mean_squared_error")
        >>> history = model.fit(np.ones((4, 1)), np.ones((4, 1)), epochs=3, verbose=0,
        ...                     callbacks=[callback_epochs()])
        >>> seen
        [1, 2, 3]
    """
    methods = dict(
        on_epoch_begin=on_epoch_begin, on_epoch_end=on_epoch_end,
        on_train_begin=on_train_begin, on_train_end=on_train_end,
        on_train_batch_begin=on_train_batch_begin, on_train_batch_end=on_train_batch_end,
        on_test_begin=on_test_begin, on_test_end=on_test_end,
        on_test_batch_begin=on_test_batch_begin, on_test_batch_end=on_test_batch_end,
        on_predict_begin=on_predict_begin, on_predict_end=on_predict_end,
        on_predict_batch_begin=on_predict_batch_begin,
        on_predict_batch_end=on_predict_batch_end,
    )
    return define_class(
        "Callback", classname, methods, members, public, private, inherit,
        keras().callbacks.Callback, _caller_module(2), callback=True,
    )


def Constraint(classname, call=None, get_config=None, *, public=None, private=None,
               inherit=None, parent_env=None, **members):
    """Define a custom Keras weight `Constraint` class (R keras3's `Constraint()`).

    Arguments:
        classname: the new class's name (a string).
        call: `call(self, w)`: the projected weight (it becomes `__call__`, as Keras calls a
            constraint).
        get_config: `get_config(self)`: a dict of the constructor's arguments.
        **members, public, private, inherit, parent_env: as for `Layer()` (`inherit`
            defaults to `keras.constraints.Constraint`).

    Value: the class; its instances go to a layer's `kernel_constraint`,
    `bias_constraint`, ... or to `add_weight(constraint=)`.

    Examples:
        >>> from rstyle_keras.r.classes import Constraint
        >>> from rstyle_keras.dispatch import keras
        >>> ops = keras().ops
        >>> constraint_nonnegative = Constraint(
        ...     "NonNegative",
        ...     call=lambda self, w: w * ops.cast(w >= 0, dtype=w.dtype),
        ... )
        >>> weight = ops.convert_to_tensor([-1.0, 1.0])
        >>> ops.convert_to_numpy(constraint_nonnegative()(weight)).tolist()
        [-0.0, 1.0]
        >>> config_set_engine("keras")
        >>> layer = layer_dense(units=4, kernel_constraint=constraint_nonnegative())
        >>> type(layer.kernel_constraint).__name__
        'NonNegative'
        >>> config_set_engine("numpy")
    """
    return define_class(
        "Constraint", classname, dict(call=call, get_config=get_config), members, public,
        private, inherit, keras().constraints.Constraint, _caller_module(2),
        rename_call=True,
    )


def LearningRateSchedule(classname, call=None, initialize=None, get_config=None, *,
                         public=None, private=None, inherit=None, parent_env=None,
                         **members):
    """Define a custom Keras `LearningRateSchedule` class (R keras3's
    `LearningRateSchedule()`, also `new_learning_rate_schedule_class()`).

    Arguments:
        classname: the new class's name (a string).
        call: `call(self, step)`: the learning rate at `step`, a scalar integer tensor
            counting the optimizer's steps from 0 (0-based, as in R keras3). It becomes
            `__call__`, as Keras calls a schedule.
        initialize: `initialize(self, ...)`, becomes `__init__`.
        get_config: `get_config(self)`: a dict of `initialize`'s arguments (Keras saves the
            schedule with the optimizer).
        **members, public, private, inherit, parent_env: as for `Layer()` (`inherit`
            defaults to `keras.optimizers.schedules.LearningRateSchedule`).

    Value: the class; its instances go to an optimizer's `learning_rate`.

    Examples:
        >>> from rstyle_keras.r.classes import LearningRateSchedule
        >>> from rstyle_keras.dispatch import keras
        >>> def initialize(self, initial_learning_rate):
        ...     self.initial_learning_rate = initial_learning_rate
        >>> my_custom_learning_rate_schedule = LearningRateSchedule(
        ...     classname="MyLRSchedule",
        ...     initialize=initialize,
        ...     call=lambda self, step: self.initial_learning_rate / (step + 1),
        ... )
        >>> schedule = my_custom_learning_rate_schedule(0.1)
        >>> optimizer = keras().optimizers.SGD(learning_rate=schedule)
        >>> round(float(schedule(keras().ops.convert_to_tensor(1))), 6)   # step 1: 0.1 / 2
        0.05
    """
    return define_class(
        "LearningRateSchedule", classname,
        dict(call=call, initialize=initialize, get_config=get_config), members, public,
        private, inherit, keras().optimizers.schedules.LearningRateSchedule,
        _caller_module(2), rename_call=True,
    )


# R keras3's other names for them.
new_layer_class = Layer
new_model_class = Model
new_loss_class = Loss
new_metric_class = Metric
new_callback_class = Callback
new_learning_rate_schedule_class = LearningRateSchedule


def active_property(fn):
    """Make a method a property (R keras3's `active_property()`, also `mark_active()`).

    Arguments:
        fn: a function of `self` (a read-only property), or of `(self, value)`, which then
            both reads (called with `self` alone, so give `value` a default) and sets.

    Value: a `property`, to give as a member of `Layer()`, `Model()`, ...

    Examples:
        >>> from rstyle_keras.r.classes import Layer, active_property
        >>> layer_scaled = Layer("Scaled", call=lambda self, x: x * 2,
        ...                      twice=active_property(lambda self: 2))
        >>> layer_scaled().twice
        2
    """
    if not callable(fn):
        raise TypeError(
            f"`fn` must be a function of `self` to make a property of; received "
            f"{type(fn).__name__}."
        )
    try:
        positional = [p for p in inspect.signature(fn).parameters.values()
                      if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    except (TypeError, ValueError):
        positional = []
    return property(fn, fn) if len(positional) > 1 else property(fn)


mark_active = active_property


def register_keras_serializable(object, name=None, package=None):
    """Register a custom class (or function) with Keras's serialization, so that saved
    models with it load without `custom_objects` (R keras3's
    `register_keras_serializable()`).

    Arguments:
        object: a class made by `Layer()`, `Model()`, ... (a `Layer()` constructor stands
            for its class), another Keras class, or a function.
        name: the name it is saved under; None for the class's (or function's) own name.
        package: the package part of the registered name `"package>name"`; None for
            Keras's default, "Custom".

    Value: `object`, now registered (for a `Layer()` constructor, the constructor).

    Examples:
        >>> from rstyle_keras.r.classes import Layer, register_keras_serializable
        >>> from rstyle_keras.dispatch import keras
        >>> layer_twice = Layer("Twice", call=lambda self, x: x * 2)
        >>> register_keras_serializable(layer_twice, package="Doc") is layer_twice
        True
        >>> keras().saving.get_registered_name(layer_twice.keras_class)
        'Doc>Twice'
        >>> keras().saving.get_registered_object("Doc>Twice") is layer_twice.keras_class
        True
    """
    target = _unwrap(object)
    if not callable(target):
        raise TypeError(
            f"`object` must be a class or a function to register; received "
            f"{type(object).__name__}."
        )
    keras().saving.register_keras_serializable(
        package="Custom" if package is None else package, name=name)(target)
    return object


def normalize_custom_objects(objects) -> dict | None:
    """R keras3's `custom_objects` as Keras takes them: a dict of names to classes or
    functions. A dict (R's named list) keeps its names; a list or a single object is named
    by each object's own name. `Layer()` constructors and `layer_*()` functions become
    their classes. None (or empty) stays None.

    Examples:
        >>> from rstyle_keras.r.classes import Layer, normalize_custom_objects
        >>> layer_twice = Layer("Twice", call=lambda self, x: x * 2)
        >>> normalize_custom_objects([layer_twice]) == {"Twice": layer_twice.keras_class}
        True
    """
    if objects is None:
        return None
    if isinstance(objects, Mapping) or hasattr(objects, "keys"):
        pairs = list(objects.items())
    else:
        items = objects if isinstance(objects, (list, tuple)) else [objects]
        pairs = []
        for item in items:
            target = _unwrap(item)
            found = getattr(target, "__name__", None)
            if not found:
                raise ValueError(
                    f"`custom_objects`: the name of {item!r} cannot be found; give a dict "
                    f"of names to objects (R's named list)."
                )
            pairs.append((found, item))
    return {str(name): _unwrap(value) for name, value in pairs} or None
