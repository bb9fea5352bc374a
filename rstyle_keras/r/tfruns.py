"""R's tfruns helpers that R keras3 re-exports: training flags and the run directory.

A script declares its hyperparameters with defaults, and a run overrides them from the
command line, `python train.py --learning-rate 0.1 --epochs=5` (R: `Rscript train.R
--learning-rate 0.1`):

| R (tfruns)                                    | rstyle_keras                              |
|-----------------------------------------------|-------------------------------------------|
| `FLAGS <- flags(flag_numeric("lr", 0.01))`    | `FLAGS = flags(flag_numeric("lr", 0.01))` |
| `FLAGS$lr`                                    | `FLAGS.lr` (or `FLAGS["lr"]`)             |
| `run_dir()`                                   | `run_dir()`                               |

Values on the command line are read as YAML scalars are (`true`/`false`, numbers,
strings) and converted to the flag's type; `-` in a name is `_`; `--help` prints the
flags and exits. R's `flags.yml` file and its named configurations (the `config` and
`file` arguments, read with R's yaml and config packages) are not read here: set the
values on the command line, or pass `arguments=`.

Examples:
    >>> FLAGS = flags(
    ...     flag_numeric("learning_rate", 0.01, "Initial learning rate."),
    ...     flag_integer("epochs", 2),
    ...     flag_string("optimizer", "adam"),
    ...     flag_boolean("augment", False),
    ...     arguments=["--learning-rate", "0.1", "--epochs=5", "--augment", "yes"],
    ... )
    >>> FLAGS
    NamedList(learning_rate=0.1, epochs=5, optimizer='adam', augment=True)
    >>> FLAGS.epochs
    5
"""

from __future__ import annotations

import os
import re
import sys

from .named_list import NamedList

__all__ = ["flag_boolean", "flag_integer", "flag_numeric", "flag_string", "flags", "run_dir"]


class Flag:
    """One flag's definition: what `flag_numeric()` and its siblings return."""

    __slots__ = ("name", "type", "default", "description")

    def __init__(self, name: str, type: str, default, description: str | None = None):
        self.name, self.type, self.default, self.description = name, type, default, description

    def __repr__(self) -> str:
        return (f"Flag(name={self.name!r}, type={self.type!r}, default={self.default!r}, "
                f"description={self.description!r})")

    def __eq__(self, other) -> bool:
        return isinstance(other, Flag) and all(
            getattr(self, a) == getattr(other, a) for a in self.__slots__)

    __hash__ = None

    def convert(self, value, source: str):
        try:
            return _CONVERTERS[self.type](value)
        except (TypeError, ValueError):
            raise ValueError(f"flags(): cannot convert flag {self.name!r} with value "
                             f"{value!r} ({source}) to type {self.type}.") from None


def _to_numeric(value) -> float:
    if isinstance(value, bool):
        raise TypeError
    return float(value)


def _to_integer(value) -> int:
    number = _to_numeric(value)
    if not number.is_integer():  # R truncates 2.5 to 2; a whole number is asked for here
        raise ValueError
    return int(number)


_TRUE = {"true", "t", "yes", "y", "on"}
_FALSE = {"false", "f", "no", "n", "off"}


def _to_boolean(value) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in _TRUE | _FALSE:
        return value.lower() in _TRUE
    if isinstance(value, (int, float)) and value == value:
        return bool(value)
    raise ValueError


def _to_string(value) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as R's as.character()
    return str(value)


_CONVERTERS = {"numeric": _to_numeric, "integer": _to_integer, "boolean": _to_boolean,
               "string": _to_string}


def _flag(kind: str, name, default, description):
    if not isinstance(name, str) or not name:
        raise TypeError(f"flag_{kind}(): `name` must be a string; received {name!r}.")
    flag = Flag(name, kind, default, description)
    return Flag(name, kind, flag.convert(default, "its default"), description)


def flag_numeric(name: str, default, description: str | None = None) -> Flag:
    """R's `flag_numeric()`: a number flag (a float).

    Examples:
        >>> flag_numeric("dropout", 0.4, "Dropout rate.")
        Flag(name='dropout', type='numeric', default=0.4, description='Dropout rate.')
    """
    return _flag("numeric", name, default, description)


def flag_integer(name: str, default, description: str | None = None) -> Flag:
    """R's `flag_integer()`: a whole-number flag (whole floats such as `128.0` are fine).

    Examples:
        >>> flag_integer("batch_size", 128.0).default
        128
    """
    return _flag("integer", name, default, description)


def flag_boolean(name: str, default, description: str | None = None) -> Flag:
    """R's `flag_boolean()`: a TRUE/FALSE flag (`true`, `yes`, `1` on the command line).

    Examples:
        >>> flag_boolean("augment", "no").default
        False
    """
    return _flag("boolean", name, default, description)


def flag_string(name: str, default, description: str | None = None) -> Flag:
    """R's `flag_string()`: a string flag.

    Examples:
        >>> flag_string("optimizer", "adam").default
        'adam'
    """
    return _flag("string", name, default, description)


def flags(*flag_defs, arguments=None) -> NamedList:
    """R's `flags()`: the values of the declared flags, from their defaults and the
    command line.

    Arguments:
        *flag_defs: flag definitions (`flag_numeric()`, `flag_integer()`,
            `flag_string()`, `flag_boolean()`), or one list of them.
        arguments: the command-line arguments to read (R's `commandArgs(TRUE)`); `None`
            reads `sys.argv[1:]`. `--name value` and `--name=value` set a flag; other
            arguments are skipped; `--help` prints the flags and exits.

    Value:
        A `NamedList` of the values by flag name (R's named list), in declaration order.

    A flag given on the command line but not declared, a name declared twice, or a value
    that is not of its flag's type is an error, as in R.

    Examples:
        >>> flags(flag_integer("units", 32), arguments=["--units", "64"]).units
        64
        >>> flags(flag_integer("units", 32), arguments=["--units", "many"])
        Traceback (most recent call last):
          ...
        ValueError: flags(): cannot convert flag 'units' with value 'many' (the command ...
        >>> flags(flag_integer("units", 32), arguments=["--layers", "3"])
        Traceback (most recent call last):
          ...
        ValueError: flags(): these flags were given but not declared: layers.
    """
    if len(flag_defs) == 1 and isinstance(flag_defs[0], (list, tuple)):
        flag_defs = tuple(flag_defs[0])
    declared: dict[str, Flag] = {}
    for flag in flag_defs:
        if not isinstance(flag, Flag):
            raise TypeError(f"flags(): each flag must come from flag_numeric(), "
                            f"flag_integer(), flag_string() or flag_boolean(); received "
                            f"{flag!r}.")
        if flag.name in declared:
            raise ValueError(f"flags(): a flag named {flag.name!r} is already defined.")
        declared[flag.name] = flag
    arguments = list(sys.argv[1:] if arguments is None else arguments)
    if "--help" in arguments:
        _print_flags(declared.values())
        raise SystemExit(0)
    given = _parse_command_line(arguments)
    undeclared = [name for name in given if name not in declared]
    if undeclared:
        raise ValueError(f"flags(): these flags were given but not declared: "
                         f"{', '.join(undeclared)}.")
    return NamedList([(name, flag.convert(given[name], "the command line")
                       if name in given else flag.default)
                      for name, flag in declared.items()])


def _parse_command_line(arguments: list[str]) -> dict:
    values = {}
    i = 0
    while i < len(arguments):
        argument = arguments[i]
        i += 1
        if not argument.startswith("--"):
            continue
        key, equals, value = argument[2:].partition("=")
        if not equals:
            if i >= len(arguments):
                raise ValueError(f"flags(): no value after {argument!r}.")
            value = arguments[i]
            i += 1
        values[key.replace("-", "_")] = _yaml_scalar(value)
    return values


def _yaml_scalar(text: str):
    """A command-line value read as a YAML scalar (tfruns reads it with yaml.load())."""
    if re.fullmatch(r"[-+]?\d+", text):
        return int(text)
    if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?", text):
        return float(text)
    if text.lower() in ("true", "yes", "on"):
        return True
    if text.lower() in ("false", "no", "off"):
        return False
    return text.strip("'\"")


def _print_flags(declared) -> None:
    print("\nOptions:")
    width = max((len(f.name) for f in declared), default=0) + 4
    for f in declared:
        description = f"{f.description} " if f.description else ""
        print(f"{'  --' + f.name.replace('_', '-'):<{width}}    {description}({f.default})")
    print()


def run_dir() -> str:
    """R's `run_dir()`: the directory of the current training run, which, with no run
    active, is the working directory.

    Runs are made by tfruns's `training_run()` (a run directory per run of a script),
    which R keras3 does not export, so no run is active here and this is always the
    working directory, where R's would be too outside `training_run()`.

    Examples:
        >>> run_dir() == os.getcwd()
        True
    """
    return os.getcwd()
