"""R's named list in Python: `NamedList`.

R keras3 returns named lists (`dataset_mnist()`, a history's metrics) that R code reads two
ways, and a NamedList supports both:

| R                                                  | Python                                     |
|----------------------------------------------------|--------------------------------------------|
| `c(c(x_train, y_train), c(x_test, y_test)) %<-% d` | `(x_train, y_train), (x_test, y_test) = d` |
| `d$train$x`                                        | `d.train.x` (or `d["train"]["x"]`)         |
| `d[[1]]`                                           | `d[0]` (Python positions are 0-based)      |
| `names(d)`                                         | `d.names()`                                |

It is a tuple of the values (so unpacking, `len()` and iteration are the values', in order)
with names; names win over the tuple's own `count`/`index` methods.

Examples:
    >>> d = NamedList(train=NamedList(x=1, y=2), test=NamedList(x=3, y=4))
    >>> (x_train, y_train), (x_test, y_test) = d
    >>> x_test, d.train.y, d["test"]["x"], d.names()
    (3, 2, 3, ('train', 'test'))
    >>> d
    NamedList(train=NamedList(x=1, y=2), test=NamedList(x=3, y=4))
"""

from __future__ import annotations


class NamedList(tuple):
    """A tuple of values with names, read by name as an attribute or a key (R's `$`, `[[`)."""

    def __new__(cls, items=(), /, **named):
        pairs = list(items.items() if isinstance(items, dict) else items) + list(named.items())
        self = super().__new__(cls, [value for _, value in pairs])
        names = tuple(str(name) for name, _ in pairs)
        if len(set(names)) != len(names):
            raise ValueError(f"NamedList: names must be unique; received {names}.")
        self.__dict__["_names"] = names
        return self

    def names(self) -> tuple[str, ...]:
        """The names, in order (R's `names()`)."""
        return self.__dict__["_names"]

    def __getattribute__(self, name):
        if not name.startswith("_"):
            names = tuple.__getattribute__(self, "__dict__")["_names"]
            if name in names:
                return tuple.__getitem__(self, names.index(name))
        return tuple.__getattribute__(self, name)

    def __getitem__(self, key):
        if isinstance(key, str):
            names = self.names()
            if key not in names:
                raise KeyError(f"{key!r} is not a name of this list; its names are {names}.")
            return tuple.__getitem__(self, names.index(key))
        return tuple.__getitem__(self, key)

    def __setattr__(self, name, value):
        raise AttributeError("a NamedList is read-only; make a new one (or use to_dict()).")

    def __dir__(self):
        return [*super().__dir__(), *self.names()]

    def to_dict(self) -> dict:
        """The names and values as a dict (nested NamedLists stay as they are)."""
        return dict(zip(self.names(), self))

    def items(self):
        return zip(self.names(), self)

    def keys(self):
        return self.names()

    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={v!r}" for n, v in zip(self.names(), self))
        return f"NamedList({inner})"

    def __reduce__(self):
        return (NamedList, (list(zip(self.names(), self)),))
