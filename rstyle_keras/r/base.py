"""R's base functions that Keras tutorials call, with R's semantics, for translated R code.

`from rstyle_keras.r.base import *` gives R's `print`, `cat`, `paste`, `paste0`, `sprintf`,
`str`, `dim`, `nrow`, `ncol`, `length`, `seq`, `seq_len`, `seq_along`, `rep`, `head`,
`tail`, `round`, `mean`, `sum`, `max`, `min`, `range`, `array`, `matrix`, `runif`, `rnorm`,
`sample`, `set_seed`, `max_col`, `which_max`, `which_min`, `which`, `apply`, `sapply`,
`lapply`, `vapply`, `invisible`, `stopifnot`, `is_null`, `is_na`, `as_integer`,
`as_numeric`, `as_character`, `names`, `names_set`, `setNames`, `dim_set`, `nchar`,
`toupper`, `tolower`, `rev`, `c`, and the constants `NA`, `Inf`, `NaN`, `pi`, `letters`,
`LETTERS`; beyond the issue's list, small functions scripts use around Keras: `all`, `any`,
`abs`, `sqrt`, `exp`, `log`, `floor`, `ceiling`, `prod`, `cumsum`, `sort`, `unique`,
`numeric`, `integer`, `character`, `logical`, `ifelse`, `t`, `rbind`, `cbind`,
`rowSums`, `rowMeans`, `colSums`, `colMeans`, `message`, `stop` (raises `RError`),
`warning`, `do_call`, `Reduce`, `Filter`, `Map`, `file_path`, `unlist`, `order`,
`identical`, `vector`, `append`, `length_set`, `is_numeric`, `is_character`, `is_list`,
`is_function`, and text: `gsub`, `sub`, `grepl`, `strsplit`, `substr`,
`trimws` (Python's regular expressions stand for R's), and R's base graphics over
matplotlib (`rstyle_keras.r.graphics`): `lines`, `points`, `abline`, `grid`, `legend`,
`title`, `hist` (`plot()` of numbers is the package's `plot`). Names follow the naming rule
(`set.seed` is `set_seed`); several shadow Python's built-ins (`print`, `sum`, `max`,
`min`, `round`, `range`, `str`, `all`, `any`, `abs`), on purpose, which is why
`rstyle_keras`'s own `import *` does not export them. The rest of R's base package is out
of scope.

Values: R's vectors are `RVector`s (`rstyle_keras.r.syntax`), a length-1 result is a
Python number or string (R's scalars are vectors of length 1), R's arrays and matrices are
NumPy arrays holding R's values at R's positions (`array()` and `matrix()` fill in R's
column-major order), lists are Python lists, named lists `RList`s. `runif()` and `rnorm()`
give 1-d NumPy arrays (fast for the large random inputs tutorials make). Tensors are read
through NumPy where R would convert them to R arrays. Python ints are R's integers and
floats R's doubles: `print(100000)` writes `100000` for an int and `1e+05` for a float,
`str()` says `int` or `num`, as R does for `100000L` and `100000`.

Examples:
    >>> from rstyle_keras.r.base import c
    >>> x = array(r_colon(1, 24), dim=c(2, 3, 4))
    >>> r_subset(x, 2, 3, 4), r_subset(x, 1, 2, 1), dim(x)
    (24, 3, c(2, 3, 4))
    >>> _ = print(c(1.5, 2, 3.25))
    [1] 1.50 2.00 3.25
    >>> paste0("a", r_colon(1, 3))
    c('a1', 'a2', 'a3')
    >>> round(2.5), range(c(3, 1, 2)), seq(0, 1, by=0.25)
    (2.0, c(1, 3), c(0, 0.25, 0.5, 0.75, 1))
"""

from __future__ import annotations

import builtins
import itertools
import math
import numbers
import random
import string
import sys
from collections.abc import Mapping

import numpy as np

from ..dispatch import keras_loaded
from . import graphics
from .helpers import Shape
from .named_list import NamedList
from .number_format import format_element, format_numbers, r_string
from .number_format import is_na as _na
from .ops import NA
from .syntax import (
    MISSING,
    RList,
    RVector,
    _is_scalar,
    _is_tensor,
    _py,
    r_colon,
    r_subset,
    rlist,
)

_str, _range, _round, _sum = builtins.str, builtins.range, builtins.round, builtins.sum
_any, _all, _abs = builtins.any, builtins.all, builtins.abs
_max, _min, _print, _len = builtins.max, builtins.min, builtins.print, builtins.len

__all__ = [
    "Filter", "Map", "RError", "Reduce", "abs", "all", "any", "cbind", "ceiling", "character",
    "colMeans", "colSums", "cumsum", "do_call", "exp", "file_path", "floor", "ifelse",
    "integer", "log", "logical", "message", "numeric", "prod", "rbind", "rowMeans",
    "rowSums", "sort", "sqrt", "stop", "t", "unique", "warning", "unlist", "order",
    "identical", "vector", "append", "length_set", "is_numeric", "is_character", "is_list",
    "is_function", "gsub", "sub", "grepl", "strsplit", "substr", "trimws",
    "isTRUE", "isFALSE", "tempfile", "tempdir", "file_exists", "basename",
    "LETTERS", "Inf", "MISSING", "NA", "NaN", "all_equal", "aperm", "apply", "array",
    "as_array", "as_character",
    "as_integer",
    "as_numeric", "c", "cat", "dim", "dim_set", "head", "invisible", "is_na", "is_null",
    "lapply", "length", "letters", "matrix", "max", "max_col", "mean", "min", "names",
    "names_set", "nchar", "ncol", "nrow", "paste", "paste0", "pi", "print", "r_colon",
    "r_subset", "range", "rep", "rev", "rlist", "rnorm", "round", "runif", "sample",
    "sapply", "seq", "seq_along", "seq_len", "set_seed", "setNames", "sprintf", "stopifnot",
    "str", "sum", "tail", "tolower", "toupper", "vapply", "which", "which_max", "which_min",
]
# R's base graphics (abline, grid, hist, legend, lines, points, title), exported from here
# for translated code; set as globals since the module's functions use `lines` as a name.
__all__ += graphics.__all__
globals().update({name: getattr(graphics, name) for name in graphics.__all__})

Inf = math.inf
NaN = math.nan
pi = math.pi
letters = RVector(string.ascii_lowercase)
LETTERS = RVector(string.ascii_uppercase)
WIDTH = 80  # R's getOption("width")
MAX_PRINT = 99999  # R's getOption("max.print"): entries printed before R stops


# --- reading R values -------------------------------------------------------------------

def _is_list(x) -> bool:
    """An R list: a Python list, a dict (RList) or a NamedList; a tuple holding anything
    but scalars (a Python tuple of objects) counts as one too."""
    if isinstance(x, (list, Mapping, NamedList)):
        return True
    return (isinstance(x, tuple) and not isinstance(x, RVector)
            and not _all(_is_scalar(v) for v in x))


def _items(x) -> list:
    """The elements of an R value, flat (R's `as.vector()`): arrays in column-major
    order, tensors through NumPy, lists' values, a scalar as one element."""
    if x is None:
        return []
    if isinstance(x, np.ndarray):
        return [_py(v) for v in x.ravel(order="F")]
    if _is_tensor(x):
        return _items(np.asarray(x))
    if isinstance(x, Mapping):
        return list(x.values())
    if isinstance(x, (tuple, list, _range)):
        return [_py(v) for v in x]
    return [_py(x)]


def _item_names(x):
    if isinstance(x, RVector):
        names = x.names()
        return None if names is None else list(names)
    if isinstance(x, NamedList):
        return list(x.names())
    if isinstance(x, Mapping):
        return [k if isinstance(k, _str) else "" for k in x.keys()]
    return None


def _scalar_or_vector(values: list, names=None):
    """R's vector result: one element as a Python value, more as an RVector."""
    if _len(values) == 1 and names is None:
        return values[0]
    return RVector(values, names)


def _whole(x, what: str) -> int:
    x = _py(x)
    if isinstance(x, (tuple, list, np.ndarray)):
        values = _items(x)
        if not values:
            raise ValueError(f"{what}: received a vector of length 0.")
        x = values[0]
    if isinstance(x, bool) or not isinstance(x, numbers.Real) or _na(x):
        raise TypeError(f"{what}: must be a whole number; received {type(x).__name__} {x!r}.")
    if float(x) != int(x):
        raise ValueError(f"{what}: must be a whole number; received {x!r}.")
    return int(x)


def _flat(data) -> np.ndarray:
    """R's values of `data` as a 1-d NumPy array (arrays and tensors in column-major order,
    without a trip through Python lists: tutorials make large random arrays)."""
    if isinstance(data, np.ndarray) or _is_tensor(data):
        return np.asarray(data).ravel(order="F")
    values = _coerce(_items(data))
    return np.asarray(values) if values else np.asarray([NA])


# --- c() --------------------------------------------------------------------------------

def _coerce(values: list) -> list:
    """R's common type of a vector: character > complex > double > integer > logical (NA
    fits all)."""
    present = [v for v in values if v is not NA]
    if _any(isinstance(v, _str) for v in present):
        return [v if (isinstance(v, _str) or v is NA) else format_element(v) for v in values]
    if _any(isinstance(v, complex) for v in present):
        return [v if v is NA else complex(v) for v in values]
    if _any(isinstance(v, float) for v in present):
        return [v if v is NA else float(v) for v in values]
    if _any(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return [v if v is NA else int(v) for v in values]
    return values


def c(*values, **named):
    """R's `c(...)`: combine values into one vector.

    Vectors, tuples, ranges and arrays (column-major) are flattened, NULL (None) is
    dropped, and the elements take R's common type (character, then double, then
    integer, then logical; NA fits any). Any list argument makes the result a list (R's
    `c()` of lists). Named arguments name their elements (`c(a = 1)`). `c()` alone is R's
    NULL (None). Unlike `rstyle_keras.c` (a plain tuple), the result is an `RVector`, with
    R's arithmetic.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> c(1, c(2, 3), r_colon(4, 5))
        c(1, 2, 3, 4, 5)
        >>> c(1, 2.5), c(1, "a"), c(True, 2), c(None, 3)
        (c(1, 2.5), c('1', 'a'), c(1, 2), c(3))
        >>> c(a=1, b=2)
        c(a=1, b=2)
        >>> c([1, 2], 3)
        [1, 2, 3]
        >>> c() is None
        True
    """
    args = [(None, v) for v in values] + list(named.items())
    if _any(_is_list(v) or _is_tensor(v) for _, v in args):
        out, out_names, any_name = [], [], False
        for name, v in args:
            if v is None:
                continue
            if _is_tensor(v):
                out.append(v)
                out_names.append(name or "")
                any_name = any_name or bool(name)
            elif _is_list(v):
                inner_names = _item_names(v) or [""] * _len(_items(v))
                for inner_name, item in zip(inner_names, _items(v)):
                    out.append(item)
                    out_names.append(inner_name)
                    any_name = any_name or bool(inner_name)
            else:
                for item in _items(v):
                    out.append(item)
                    out_names.append(name or "")
                    any_name = any_name or bool(name)
        if any_name:
            return RList.from_pairs([(n or None, v) for n, v in zip(out_names, out)])
        return out
    out, out_names, any_name = [], [], False
    for name, v in args:
        # a bare Python int is an R double literal as the translator writes it (`c(1, 2)`);
        # R's integers come as vectors (`1:3`, `seq_len()`) or RInteger (`1L`)
        items = [float(v)] if type(v) is int else _items(v)
        inner = _item_names(v)
        for k, item in enumerate(items):
            out.append(item)
            label = ""
            if name and inner and inner[k]:
                label = f"{name}.{inner[k]}"
            elif name:
                label = name if _len(items) == 1 else f"{name}{k + 1}"
            elif inner:
                label = inner[k]
            out_names.append(label)
            any_name = any_name or bool(label)
    if not out and not args:
        return None
    return RVector(_coerce(out), out_names if any_name else None)


# --- printing ---------------------------------------------------------------------------

_QUOTE = [True]  # print(quote = FALSE) for the call in progress


def _texts(values: list, digits: int = 7, quote: bool | None = None) -> tuple[list, bool]:
    """R's text of each element of a vector, and whether it is right-justified."""
    quote = _QUOTE[0] if quote is None else quote
    if _any(isinstance(v, _str) for v in values):
        texts = ["NA" if v is NA or v is None else
                 (r_string(v) if quote else v) if isinstance(v, _str) else
                 (r_string(format_element(v)) if quote else format_element(v))
                 for v in values]
        return texts, False
    if _any(isinstance(v, complex) for v in values):  # R: 1+3i, 2-5i (parts as numbers)
        reals = format_numbers([v.real for v in values], digits, pad=False)
        imags = format_numbers([abs(v.imag) for v in values], digits, pad=False)
        return [f"{r.strip()}{'-' if v.imag < 0 else '+'}{i.strip()}i"
                for v, r, i in zip(values, reals, imags)], True
    if _all(_is_scalar(v) for v in values):
        return format_numbers(values, digits, pad=False), True
    return [_str(v) for v in values], True


def _omitted(count: int, what: _str) -> _str:
    return f' [ reached getOption("max.print") -- omitted {count} {what} ]'


def _vector_lines(values: list, names=None, digits: int = 7, width: int = WIDTH) -> list:
    if not values:
        return ["numeric(0)"]
    if _len(values) > MAX_PRINT:
        rest = _len(values) - MAX_PRINT
        shown = _vector_lines(values[:MAX_PRINT], names and names[:MAX_PRINT], digits, width)
        return [*shown, _omitted(rest, "entries")]
    texts, right = _texts(values, digits)
    if names is not None:
        w = _max(_max(_len(t) for t in texts), _max(_len(n) for n in names))
        per_line = _max(1, width // (w + 1))
        lines = []
        for start in _range(0, _len(texts), per_line):
            chunk = _range(start, _min(start + per_line, _len(texts)))
            lines.append("".join(names[k].rjust(w) + " " for k in chunk))
            lines.append("".join(texts[k].rjust(w) + " " for k in chunk))
        return lines
    w = _max(_len(t) for t in texts)
    texts = [t.rjust(w) if right else t.ljust(w) for t in texts]
    label_width = _len(f"[{_len(texts)}]")
    per_line = _max(1, (width - label_width) // (w + 1))
    lines = []
    for start in _range(0, _len(texts), per_line):
        label = f"[{start + 1}]".rjust(label_width)
        lines.append(label + "".join(" " + t for t in texts[start:start + per_line]))
    return lines


def _matrix_lines(m: np.ndarray, digits: int = 7, width: int = WIDTH) -> list:
    nrow, ncol = m.shape
    if nrow == 0 or ncol == 0:
        return [f"<{nrow} x {ncol} matrix>"]
    if nrow * ncol > MAX_PRINT:
        rows = _max(1, MAX_PRINT // ncol)
        return [*_matrix_lines(m[:rows], digits, width), _omitted(nrow - rows, "rows")]
    row_labels = [f"[{i + 1},]" for i in _range(nrow)]
    label_width = _max(_len(s) for s in row_labels)
    columns = []
    for j in _range(ncol):
        texts, right = _texts([_py(v) for v in m[:, j]], digits)
        header = f"[,{j + 1}]"
        w = _max(_len(header), *(_len(t) for t in texts))
        just = (lambda s, w=w: s.rjust(w)) if right else (lambda s, w=w: s.ljust(w))
        columns.append((just(header), [just(t) for t in texts], w))
    lines, start = [], 0
    while start < ncol:
        used, stop = label_width, start
        while stop < ncol and (stop == start or used + columns[stop][2] + 1 <= width):
            used += columns[stop][2] + 1
            stop += 1
        block = columns[start:stop]
        lines.append(" " * label_width + "".join(" " + h for h, _, _ in block))
        for i in _range(nrow):
            lines.append(row_labels[i].ljust(label_width) + "".join(" " + t[i]
                                                                   for _, t, _ in block))
        start = stop
    return lines


def _array_lines(a: np.ndarray, digits: int = 7) -> list:
    if a.ndim == 0:
        return _vector_lines([_py(a[()])], digits=digits)
    if a.ndim == 1:
        return _vector_lines([_py(v) for v in a], digits=digits)
    if a.ndim == 2:
        return _matrix_lines(a, digits)
    lines = []
    outer = a.shape[2:]
    budget, slices = MAX_PRINT, math.prod(outer)
    # R walks the higher axes in column-major order: the first of them fastest
    for done, index in enumerate(itertools.product(*(_range(n) for n in reversed(outer)))):
        if budget <= 0:
            lines.append(_omitted(slices - done, "matrix slice(s)"))
            break
        budget -= a.shape[0] * a.shape[1]
        index = tuple(reversed(index))
        lines.append(", , " + ", ".join(_str(k + 1) for k in index))
        lines.append("")
        lines.extend(_matrix_lines(a[(slice(None), slice(None), *index)], digits))
        lines.append("")
    return lines


def _tag(name) -> str:
    if name and (name.isidentifier() or name.replace(".", "_").isidentifier()):
        return f"${name}"
    return f"$`{name}`"


def _list_lines(x, prefix: str = "", digits: int = 7) -> list:
    values = _items(x) if not isinstance(x, tuple) or isinstance(x, NamedList) else list(x)
    names = _item_names(x)
    if not values:
        return ["list()" if not names else "named list()"]
    lines = []
    for k, v in enumerate(values):
        name = names[k] if names else ""
        tag = prefix + (_tag(name) if name else f"[[{k + 1}]]")
        lines.append(tag)
        if _is_list(v) and not isinstance(v, tuple) or isinstance(v, NamedList):
            lines.extend(_list_lines(v, tag, digits))
        else:
            lines.extend(_value_lines(v, digits))
        lines.append("")
    return lines


def _is_model(x) -> bool:
    return callable(getattr(x, "summary", None)) and hasattr(x, "layers")


def _value_lines(x, digits: int = 7) -> list:
    if x is None:
        return ["NULL"]
    if isinstance(x, np.ndarray):
        return _array_lines(x, digits)
    if isinstance(x, RVector):
        names = x.names()
        if not _len(x):
            return ["numeric(0)"]  # the type of an empty vector is not kept
        return _vector_lines(list(x), None if names is None else list(names), digits)
    if _is_list(x):
        return _list_lines(x, "", digits)
    if isinstance(x, Shape):  # R keras3's format.keras_shape: NA for unknown sizes
        return ["shape(" + ", ".join("NA" if d is None else _str(d) for d in x) + ")"]
    if isinstance(x, tuple) and type(x) is not tuple:  # other Python tuple types
        return repr(x).splitlines()
    if isinstance(x, (tuple, _range)):
        return _vector_lines(list(x), digits=digits) if _len(x) else ["NULL"]
    if _is_scalar(x):
        return _vector_lines([_py(x)], digits=digits)
    return repr(x).splitlines()


def print(x=None, digits=None, quote: bool = True, *args, **kwargs):  # noqa: A001
    """R's `print(x)`: show `x` as R prints it, and return `x` (R returns it invisibly).

    Vectors print as `[1] 1 2 3`, wrapped at 80 characters with the index of each line's
    first element; numbers with R's 7 significant digits and one common layout (`1.50
    2.00 3.25`, `1e+05`), strings quoted, NA as `NA`; named vectors with their names
    above; NULL as `NULL`. Lists print each element under `[[1]]` or `$name`. 2-d arrays
    print as R's matrices (`[1,]` rows, `[,1]` columns, each column laid out on its own),
    higher ones slice by slice (`, , 1`). Models print their summary (R keras3's
    `print(model)`), tensors and other objects their Python repr.

    Arguments:
        x: the value.
        digits: significant digits of numbers (R's default 7).
        quote: FALSE writes strings without quotes.

    Value: `x`.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> _ = print(r_colon(1, 3))
        [1] 1 2 3
        >>> _ = print(c("a", "bb"))
        [1] "a"  "bb"
        >>> _ = print(matrix(r_colon(1, 6), nrow=2))
             [,1] [,2] [,3]
        [1,]    1    3    5
        [2,]    2    4    6
        >>> _ = print(rlist(a=1, b="x"))
        $a
        [1] 1
        <BLANKLINE>
        $b
        [1] "x"
        <BLANKLINE>
    """
    if _is_model(x) and not isinstance(x, (np.ndarray, Mapping)):
        x.summary()
        return x
    _QUOTE[0] = bool(quote)
    try:
        lines = _value_lines(x, 7 if digits is None else _whole(digits, "print(digits)"))
    finally:
        _QUOTE[0] = True
    _print("\n".join(lines))
    return x


def invisible(x=None):
    """R's `invisible(x)`: `x` (Python shows no value of a statement anyway).

    Examples:
        >>> invisible(3)
        3
    """
    return x


# --- text -------------------------------------------------------------------------------

def _cat_text(v) -> _str:
    if v is NA or v is None:
        return "NA"
    if isinstance(v, _str):
        return v
    if isinstance(v, (bool, np.bool_)):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (numbers.Number, np.generic)):
        return format_numbers([_py(v)], 7, pad=False)[0]
    return _str(v)


def cat(*args, sep: _str = " ", fill=False, file=None, append: bool = False) -> None:
    """R's `cat(...)`: write the values' text, separated by `sep`, with no newline but the
    ones given ("\\n").

    Vectors, lists and arrays are written element by element (arrays in column-major
    order), each number with up to 7 significant digits on its own (`cat(1/3)` writes
    0.3333333, `cat(1e5)` 1e+05), logicals as TRUE/FALSE; NULL writes nothing.

    Arguments:
        ...: the values.
        sep: the text between values.
        fill: not supported beyond FALSE.
        file: a path to write to instead of the console (`append` to add to it).

    Value: None (R's invisible NULL).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> cat("Test accuracy:", 0.98765432, "\\n")
        Test accuracy: 0.9876543
        >>> cat(c(1, 2, 3), sep=", ")
        1, 2, 3
        >>> cat("a", "b", sep="")
        ab
    """
    if fill:
        raise ValueError("cat(): `fill` is not supported; received "
                         f"{fill!r} (use \"\\n\" in the values).")
    pieces = [_cat_text(v) for arg in args if arg is not None for v in _items(arg)]
    text = sep.join(pieces)
    if file:
        with open(file, "a" if append else "w", encoding="utf-8") as handle:
            handle.write(text)
    else:
        sys.stdout.write(text)
        sys.stdout.flush()


def _character(x) -> list:
    """R's `as.character()` of a value, as a list of strings (NA stays NA)."""
    return [v if isinstance(v, _str) else ("NA" if v is NA else
            ("TRUE" if v else "FALSE") if isinstance(v, (bool, np.bool_)) else
            format_element(v) if _is_scalar(v) else _str(v)) for v in _items(x)]


def _text_result(values: list):
    if _len(values) == 1:
        return values[0]
    return RVector(values)


def paste(*args, sep: _str = " ", collapse=None):
    """R's `paste(...)`: join the values' text element-wise, recycling shorter vectors.

    Numbers are written as R's `as.character()` writes them (15 significant digits:
    `paste(1/3)` is "0.333333333333333"), zero-length values count as "" (NULL as well),
    and `collapse` joins the results into one string.

    Value: a string (one result) or an RVector of strings.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> paste("a", "b"), paste("x", r_colon(1, 3), sep="_")
        ('a b', c('x_1', 'x_2', 'x_3'))
        >>> paste(c("a", "b"), collapse="+"), paste("Epoch", 2.0)
        ('a+b', 'Epoch 2')
    """
    vectors = [_character(a) for a in args]
    n = _max((_len(v) for v in vectors), default=0)
    vectors = [v for v in vectors if v]
    out = [sep.join(v[i % _len(v)] for v in vectors) for i in _range(n)]
    if collapse is not None:
        return collapse.join(out)
    return _text_result(out) if out else RVector([])


def paste0(*args, collapse=None):
    """R's `paste0(...)`: `paste(..., sep = "")`.

    Examples:
        >>> paste0("a", r_colon(1, 3)), paste0("model_", 1, ".keras")
        (c('a1', 'a2', 'a3'), 'model_1.keras')
    """
    return paste(*args, sep="", collapse=collapse)


def _format_one(spec: tuple, value) -> _str:
    flags, width, precision, conversion = spec
    value = _py(value)
    if conversion in "di":
        if value is NA or (isinstance(value, float) and math.isnan(value)):
            return f"%{flags}{width}s" % "NA"
        if isinstance(value, float):
            if not value.is_integer():
                raise ValueError(f"sprintf(): invalid format '%{conversion}' for {value!r}; "
                                 "use format %f, %e, %g or %a for numeric objects")
            value = int(value)
        if isinstance(value, _str):
            raise ValueError(f"sprintf(): invalid format '%{conversion}' for a string "
                             f"{value!r}; use format %s for character objects")
        return f"%{flags}{width}{precision}d" % int(value)
    if conversion in "feEgGaA":
        if isinstance(value, _str):
            raise ValueError(f"sprintf(): invalid format '%{conversion}' for a string "
                             f"{value!r}; use format %s for character objects")
        value = float(value)
        if math.isnan(value) or math.isinf(value):
            text = "NA" if value is NA else ("NaN" if math.isnan(value)
                                             else ("Inf" if value > 0 else "-Inf"))
            return f"%{flags.replace('0', '')}{width}s" % text
        return f"%{flags}{width}{precision}{conversion}" % value
    if conversion in "xXo":
        return f"%{flags}{width}{precision}{conversion}" % int(value)
    # %s: R's as.character() of the value
    text = _character(value)[0] if not isinstance(value, _str) else value
    return f"%{flags}{width}{precision}s" % text


def sprintf(fmt, *args):
    """R's `sprintf(fmt, ...)`: C-style formatting, vectorised over `fmt` and the values.

    As in R, `%d` takes doubles that are whole (`sprintf("%d", 3)`), `%s` writes numbers
    as `as.character()` does (15 significant digits), NA is written "NA", `%5.2f`, `%e`,
    `%g`, `%x`, `%%`, `%*d` and `%2$s` work.

    Value: a string (one result) or an RVector of strings.

    Examples:
        >>> sprintf("%d items", 3), sprintf("%.2f", 1 / 3), sprintf("%s", 1.5)
        ('3 items', '0.33', '1.5')
        >>> sprintf("x%02d", r_colon(1, 3))
        c('x01', 'x02', 'x03')
        >>> sprintf("%5s|%-4d|", "ab", 7)
        '   ab|7   |'
    """
    import re

    spec_re = re.compile(r"%(?:(\d+)\$)?([-+ 0#]*)(\*|\d+)?(?:\.(\*|\d+))?([a-zA-Z%])")
    formats = _character(fmt)
    vectors = [_items(a) if not isinstance(a, _str) else [a] for a in args]
    if _any(not v for v in vectors) or not formats:
        return RVector([])
    n = _max([_len(formats), *(_len(v) for v in vectors)])
    out = []
    for i in _range(n):
        current = [v[i % _len(v)] for v in vectors]
        position = 0

        def next_value(explicit, current=current):
            nonlocal position
            if explicit:
                return current[int(explicit) - 1]
            if position >= _len(current):
                raise ValueError("sprintf(): too few arguments")
            position += 1
            return current[position - 1]

        def replace(match, next_value=next_value):
            explicit, flags, width, precision, conversion = match.groups()
            if conversion == "%":
                return "%"
            if width == "*":
                width = _str(int(next_value(None)))
            if precision == "*":
                precision = _str(int(next_value(None)))
            spec = (flags, width or "", f".{precision}" if precision is not None else "",
                    conversion)
            return _format_one(spec, next_value(explicit))

        out.append(spec_re.sub(replace, formats[i % _len(formats)]))
    return _text_result(out)


def nchar(x):
    """R's `nchar(x)`: the number of characters of each string (numbers as text).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> nchar("keras"), nchar(c("a", "bb"))
        (5, c(1, 2))
    """
    return _scalar_or_vector([_len(s) for s in _character(x)], _item_names(x))


def toupper(x):
    """R's `toupper(x)`, vectorised.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> toupper(c("a", "b"))
        c('A', 'B')
    """
    return _text_result([s.upper() for s in _character(x)])


def tolower(x):
    """R's `tolower(x)`, vectorised.

    Examples:
        >>> tolower("ABC")
        'abc'
    """
    return _text_result([s.lower() for s in _character(x)])


# --- str() ------------------------------------------------------------------------------

def _str_kind(values: list) -> _str:
    present = [v for v in values if v is not NA and v is not None]
    if present and _all(isinstance(v, (bool, np.bool_)) for v in present):
        return "logi"
    if _any(isinstance(v, _str) for v in present):
        return "chr"
    if _all(isinstance(v, (int, np.integer)) for v in present):
        return "int"
    return "num"


def _dtype_kind(dtype: np.dtype) -> _str | None:
    """R's type of a NumPy scalar's dtype as reticulate converts it: int64 and unsigned
    32/64-bit integers become doubles (R's integers are 32-bit)."""
    if dtype.kind == "b":
        return "logi"
    if dtype.kind in "iu":
        wide = dtype.itemsize >= 8 or (dtype.kind == "u" and dtype.itemsize >= 4)
        return "num" if wide else "int"
    return "num" if dtype.kind == "f" else None


def _str_values(values: list, kind: _str, total: int | None = None) -> _str:
    shown = {"num": 5, "int": 10, "logi": 6, "chr": 4}[kind]
    head_ = values[:shown]
    if kind == "chr":
        texts = ["NA" if v is NA else r_string(v) for v in head_]
    elif kind == "logi":
        texts = ["NA" if v is NA else ("TRUE" if v else "FALSE") for v in head_]
    elif kind == "int":
        texts = ["NA" if v is NA else _str(int(v)) for v in head_]
    else:
        texts = [t.strip() for t in format_numbers([float(v) for v in head_], 3, pad=False)]
        texts = [_drop0(t) for t in texts]
    more = " ..." if (_len(values) if total is None else total) > shown else ""
    return " ".join(texts) + more


def _drop0(text: _str) -> _str:
    """R's `drop0trailing`: 1.50 -> 1.5, 2.00 -> 2, 1.0e-10 -> 1e-10."""
    if "e" in text:
        mantissa, exponent = text.split("e")
        if "." in mantissa:
            mantissa = mantissa.rstrip("0").rstrip(".")
        return f"{mantissa}e{exponent}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _str_line(x, level: int) -> list:
    if x is None:
        return [" NULL"]
    if _is_list(x):
        # the elements as they are (NumPy scalars keep their dtype: int64 shows as num)
        values = [*x.values()] if isinstance(x, Mapping) else [*x]
        names = _item_names(x)
        lines = [f"List of {_len(values)}"]
        prefix = " $ " if level == 0 else "  " + " ".join([".."] * level) + "$ "
        labels = names or [""] * _len(values)
        w = _max((_len(n) for n in labels), default=0)
        for label, v in zip(labels, values):
            inner = _str_line(v, level + 1)
            lines.append(f"{prefix}{label.ljust(w)}:{inner[0]}")
            lines.extend(inner[1:])
        return lines
    if isinstance(x, np.ndarray):
        values = [_py(v) for v in np.ravel(x, order="F")[:12]]
        kind = {"b": "logi", "i": "int", "u": "int", "f": "num"}.get(x.dtype.kind) or (
            _str_kind(values))  # (the runtime's R integer arrays are int64)
        if x.ndim <= 1:  # R's vectors here (runif(), rnorm(), as.numeric() give them)
            size = f" [1:{x.size}]" if x.size != 1 else ""
            return [f" {kind}{size} {_str_values(values, kind, x.size)}"]
        dims = ", ".join(f"1:{n}" for n in x.shape)
        return [f" {kind} [{dims}] {_str_values(values, kind, x.size)}"]
    if isinstance(x, (RVector, tuple, _range)):
        values = list(x)
        kind = _str_kind(values)
        if not values:
            return [f" {kind}(0) "]
        names = _item_names(x)
        lead = " Named" if names is not None else ""
        size = f" [1:{_len(values)}]" if _len(values) > 1 else ""
        out = [f"{lead} {kind}{size} {_str_values(values, kind)}"]
        if names is not None:
            out.append(f" - attr(*, \"names\")= chr [1:{_len(names)}] "
                       f"{_str_values(names, 'chr')}")
        return out
    if _is_scalar(x):
        value = _py(x)
        kind = (_dtype_kind(x.dtype) if isinstance(x, np.generic) else None) or (
            _str_kind([value]))
        return [f" {kind} {_str_values([value], kind)}"]
    if _is_tensor(x):
        dtype = getattr(x.dtype, "name", x.dtype)
        return [f" <{type(x).__name__} shape={tuple(x.shape)}, dtype={dtype}>"]
    if callable(x) and not _is_model(x):
        import inspect

        try:
            return [f"function {inspect.signature(x)}  "]
        except (TypeError, ValueError):
            return ["function (...)  "]
    return [" " + repr(x).splitlines()[0]]


def str(object, *args, **kwargs) -> None:  # noqa: A001  (R's name)
    """R's `str(object)`: a compact one-line-per-element summary of a value.

    An approximation of R's: vectors as `num [1:3] 1 2 3` (type `num`, `int`, `chr` or
    `logi`; the first 5 doubles, 10 integers, 6 logicals or 4 strings, doubles with 3
    significant digits), arrays with their dimensions (`int [1:2, 1:3] 1 2 3 ...`, values
    in column-major order), lists as `List of n` and one ` $ name: ...` line per element
    (nested lists indented ` ..$`), NULL as ` NULL`, tensors as
    `<type shape=(...), dtype=...>`, functions with their signature, other objects with
    the first line of their repr.

    Value: None.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> str(c(1.5, 2, 3))
         num [1:3] 1.5 2 3
        >>> str(r_colon(1, 20))
         int [1:20] 1 2 3 4 5 6 7 8 9 10 ...
        >>> str(rlist(a=1.5, b=rlist(c="x")))
        List of 2
         $ a: num 1.5
         $ b:List of 1
          ..$ c: chr "x"
        >>> str(array(r_colon(1, 6), c(2, 3)))
         int [1:2, 1:3] 1 2 3 4 5 6
    """
    for line in _str_line(object, 0):
        _print(line)


# --- shapes and sizes -------------------------------------------------------------------

def dim(x):
    """R's `dim(x)`: the dimensions of an array or tensor as an RVector (None, R's NA,
    for unknown sizes), NULL (None) for vectors, lists and scalars.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> dim(matrix(0, 2, 3)), dim(c(1, 2)) is None
        (c(2, 3), True)
    """
    if isinstance(x, np.ndarray):
        return RVector(x.shape) if x.ndim else None
    if _is_tensor(x):
        return RVector(None if d is None else int(d) for d in tuple(x.shape))
    return None


def nrow(x):
    """R's `nrow(x)`: the first dimension, None for vectors.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> nrow(matrix(0, 2, 3)), nrow(c(1, 2)) is None
        (2, True)
    """
    d = dim(x)
    return None if d is None else d[0]


def ncol(x):
    """R's `ncol(x)`: the second dimension, None for vectors and 1-d arrays.

    Examples:
        >>> ncol(matrix(0, 2, 3))
        3
    """
    d = dim(x)
    return None if d is None or _len(d) < 2 else d[1]


def length(x) -> int:
    """R's `length(x)`: the number of elements: 0 for NULL, 1 for a scalar or a string,
    all the cells of an array, the elements of a list or vector; a tensor's first
    dimension (reticulate's `length()` of a Python object is its `len()`).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> length(c(1, 2, 3)), length("abc"), length(None), length(matrix(0, 2, 3))
        (3, 1, 0, 6)
    """
    if x is None:
        return 0
    if isinstance(x, np.ndarray):
        return int(x.size)
    if _is_scalar(x):
        return 1
    return _len(x)


def dim_set(x, value):
    """R's `dim(x) <- value`: the values of `x` arranged in R's column-major order into an
    array of dimensions `value` (NULL: a vector again).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> dim_set(r_colon(1, 6), c(2, 3))
        array([[1, 3, 5],
               [2, 4, 6]])
        >>> dim_set(matrix(r_colon(1, 4), 2), None)
        c(1, 2, 3, 4)
    """
    if value is None:
        return RVector(_items(x))
    values = _flat(x) if x is not None else np.asarray([])
    dims = tuple(_whole(d, "dim<-") for d in _items(value))
    if math.prod(dims) != values.size:
        raise ValueError(f"dim<-: dims [product {math.prod(dims)}] do not match the length "
                         f"of object [{values.size}]")
    return np.reshape(values, dims, order="F")


# --- sequences --------------------------------------------------------------------------

def _number(x, what: str):
    x = _py(x)
    if isinstance(x, (tuple, list, np.ndarray)):
        values = _items(x)
        if _len(values) != 1:
            raise ValueError(f"{what}: must be of length 1; received {_len(values)} values.")
        x = values[0]
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise TypeError(f"{what}: must be a number; received {type(x).__name__} {x!r}.")
    return x


def seq(from_=None, to=None, by=None, length_out=None, along_with=None, **kwargs):
    """R's `seq()`: regular sequences.

    `seq(n)` is `1:n` (`seq_along(x)` when given a vector), `seq(from, to)` is
    `from:to`, `seq(from, to, by = )` steps by `by` up to `to`, `length.out` (here
    `length_out`) makes that many values: evenly spaced from `from` to `to`, or from
    `from` (or down to `to`) in steps of `by` (default 1). R's defaults `from = 1, to = 1`
    apply as R's `missing()` does, hence None here. R's first argument is `from`, a Python
    keyword: here `from_` (also accepted as `**{"from": ...}`).

    Value: an RVector (integers when the arguments are).

    Examples:
        >>> seq(5), seq(2, 10, by=2), seq(0, 1, by=0.25)
        (c(1, 2, 3, 4, 5), c(2, 4, 6, 8, 10), c(0, 0.25, 0.5, 0.75, 1))
        >>> seq(0, 1, length_out=3), seq(10, 1, by=-3), seq(length_out=3)
        (c(0, 0.5, 1), c(10, 7, 4, 1), c(1, 2, 3))
        >>> seq(to=10, by=2, length_out=3)
        c(6, 8, 10)
    """
    if "from" in kwargs:
        from_ = kwargs.pop("from")
    if kwargs:
        raise TypeError(f"seq(): unused arguments {sorted(kwargs)}.")
    if along_with is not None:
        return seq_along(along_with)
    only_from = to is None and by is None and length_out is None
    if from_ is not None and only_from:
        if isinstance(from_, (tuple, list, np.ndarray)) and _len(_items(from_)) != 1:
            return seq_along(from_)
        n = _number(from_, "seq(from)")
        return seq_len(n) if n >= 1 else r_colon(1, n)
    if length_out is not None:
        n = math.ceil(_number(length_out, "seq(length.out)"))
        if from_ is not None and to is not None:
            start, end = _number(from_, "seq(from)"), _number(to, "seq(to)")
            if n == 1:
                return RVector([start])
            step = (end - start) / (n - 1)
            values = [start + k * step for k in _range(n)]
            if isinstance(start, int) and isinstance(end, int) and float(step).is_integer():
                values = [int(v) for v in values]
            return RVector(values)
        step = 1 if by is None else _number(by, "seq(by)")
        if to is not None:
            end = _number(to, "seq(to)")
            return RVector([end - (n - 1 - k) * step for k in _range(n)])
        start = 1 if from_ is None else _number(from_, "seq(from)")
        return RVector([start + k * step for k in _range(n)])
    start = 1 if from_ is None else _number(from_, "seq(from)")
    end = 1 if to is None else _number(to, "seq(to)")
    if by is None:
        return r_colon(start, end)
    step = _number(by, "seq(by)")
    if step == 0 and start != end:
        raise ValueError("seq(): invalid '(to - from)/by'; `by` is 0.")
    if start != end and (end - start) / step < 0:
        raise ValueError(f"seq(): wrong sign in 'by' argument: from {start} to {end} by "
                         f"{step}.")
    n = 0 if start == end else int(math.floor((end - start) / step + 1e-10))
    return RVector([start + k * step for k in _range(n + 1)])


def seq_len(length_out) -> RVector:
    """R's `seq_len(n)`: 1, 2, ..., n (empty for 0).

    Examples:
        >>> seq_len(3), seq_len(0)
        (c(1, 2, 3), c())
    """
    n = _whole(length_out, "seq_len(length.out)")
    if n < 0:
        raise ValueError(f"seq_len(): argument must be coercible to non-negative integer; "
                         f"received {n}.")
    return RVector(_range(1, n + 1))


def seq_along(along_with) -> RVector:
    """R's `seq_along(x)`: 1, 2, ..., length(x).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> seq_along(c("a", "b"))
        c(1, 2)
    """
    return seq_len(length(along_with))


def rep(x, times=1, each=1, length_out=None):
    """R's `rep(x, times, each, length.out)`: repeat the elements of `x`.

    `each` repeats each element first, then `times` repeats the whole (or, a vector as
    long as that, each element its own number of times), and `length_out` cuts or extends
    to that length.

    Value: an RVector (a list for a list `x`).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> rep(c(1, 2), times=2), rep(c(1, 2), each=2), rep(c(1, 2), times=c(3, 1))
        (c(1, 2, 1, 2), c(1, 1, 2, 2), c(1, 1, 1, 2))
        >>> rep("a", 3), rep(c(1, 2, 3), length_out=5)
        (c('a', 'a', 'a'), c(1, 2, 3, 1, 2))
    """
    values = _items(x)
    e = _whole(each, "rep(each)")
    values = [v for v in values for _ in _range(e)]
    counts = [_whole(t, "rep(times)") for t in _items(times)]
    if length_out is not None:
        n = _whole(length_out, "rep(length.out)")
        values = [values[k % _len(values)] for k in _range(n)] if values else []
    elif _len(counts) == 1:
        values = values * counts[0]
    elif _len(counts) == _len(values):
        values = [v for v, t in zip(values, counts) for _ in _range(t)]
    else:
        raise ValueError(f"rep(): invalid 'times' argument: {_len(counts)} counts for "
                         f"{_len(values)} values.")
    return values if isinstance(x, list) else RVector(values)


def rev(x):
    """R's `rev(x)`: the elements in reverse order.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> rev(c(1, 2, 3))
        c(3, 2, 1)
    """
    if isinstance(x, list):
        return x[::-1]
    return RVector(_items(x)[::-1])


def _head_count(n, size: int, from_end: bool) -> slice:
    n = _whole(n, "head(n)" if not from_end else "tail(n)")
    k = _min(n, size) if n >= 0 else _max(size + n, 0)
    if from_end:
        return slice(size - k, size)
    return slice(0, k)


def _part(x, where: slice):
    if isinstance(x, np.ndarray) or _is_tensor(x):
        return x[where]
    if isinstance(x, Mapping):
        return RList.from_pairs(list(x.items())[where])
    if isinstance(x, NamedList):
        return NamedList(list(x.items())[where])
    if isinstance(x, list):
        return x[where]
    if isinstance(x, RVector):
        return x[where]
    return RVector(_items(x)[where])


def head(x, n=6):
    """R's `head(x, n = 6)`: the first `n` elements (negative `n`: all but the last
    `-n`); rows of arrays and tensors (the first axis), elements of lists.

    Examples:
        >>> head(r_colon(1, 10), 3), head(r_colon(1, 10), -8)
        (c(1, 2, 3), c(1, 2))
        >>> head(matrix(r_colon(1, 6), 3), 1)
        array([[1, 4]])
    """
    return _part(x, _head_count(n, _len(x) if not isinstance(x, np.ndarray)
                                or x.ndim else 1, False))


def tail(x, n=6):
    """R's `tail(x, n = 6)`: the last `n` elements (negative `n`: all but the first
    `-n`); rows of arrays and tensors (the first axis).

    Examples:
        >>> tail(r_colon(1, 10), 3), tail(r_colon(1, 10), -8)
        (c(8, 9, 10), c(9, 10))
    """
    return _part(x, _head_count(n, _len(x), True))


# --- arithmetic summaries ---------------------------------------------------------------

def round(x, digits=0):  # noqa: A001  (R's name)
    """R's `round(x, digits = 0)`: round to `digits` decimals (negative: tens, hundreds),
    halves to even as IEC 60559 says (`round(2.5)` is 2, `round(0.15, 1)` is 0.1 since
    0.15 is stored as 0.1499...).

    Vectors element by element (Python's correctly rounded `round()`), arrays and tensors
    through NumPy's `round` (which scales first, so it can differ from R in the last digit
    of rare cases); integers stay integers.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> round(2.5), round(-1.5), round(3.14159, 2), round(1234, -2)
        (2.0, -2.0, 3.14, 1200)
        >>> round(c(0.15, 0.25, 0.35), 1)
        c(0.1, 0.2, 0.3)
    """
    d = _whole(digits, "round(digits)")
    if isinstance(x, np.ndarray) or _is_tensor(x):
        return np.round(np.asarray(x), d)
    if x is None:
        raise TypeError("round(): non-numeric argument to mathematical function: NULL.")

    def one(v):
        if _na(v):
            return v
        if isinstance(v, _str):
            raise TypeError(f"round(): non-numeric argument to mathematical function: {v!r}.")
        if isinstance(v, (int, bool)):
            return _round(int(v), d) if d < 0 else int(v)
        return float(_round(float(v), d))

    if _is_scalar(x):
        return one(_py(x))
    return RVector([one(v) for v in _items(x)], _item_names(x))


def _numbers(args, what: str, na_rm: bool) -> list:
    values = []
    for a in args:
        if isinstance(a, (Mapping, list)) and not isinstance(a, RVector):
            raise TypeError(f"{what}: invalid 'type' (list) of argument; received "
                            f"{type(a).__name__}.")
        values.extend(_items(a))
    for v in values:
        if isinstance(v, _str) and what != "max()" and what != "min()" \
                and what != "range()":
            raise TypeError(f"{what}: invalid 'type' (character) of argument: {v!r}.")
    if na_rm:
        values = [v for v in values if not _na(v)]
    return values


def mean(x, *args, na_rm: bool = False, trim=0):
    """R's `mean(x, na.rm = FALSE)`: the arithmetic mean of all the elements of `x` (a
    vector, array or tensor); NA gives NA unless `na_rm`; an empty vector NaN.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> mean(c(1, 2, 3, 4)), mean(c(1, NA, 3), na_rm=True)
        (2.5, 2.0)
    """
    if trim:
        raise ValueError(f"mean(): `trim` is not supported; received {trim!r}.")
    if isinstance(x, np.ndarray) or _is_tensor(x):
        a = np.asarray(x, dtype=float)
        return float(np.nanmean(a) if na_rm else np.mean(a)) if a.size else math.nan
    values = _numbers([x], "mean()", na_rm)
    if not values:
        return math.nan
    if _any(_na(v) for v in values):
        return NA if _any(v is NA for v in values) else math.nan
    return math.fsum(float(v) for v in values) / _len(values)


def sum(*args, na_rm: bool = False):  # noqa: A001  (R's name)
    """R's `sum(..., na.rm = FALSE)`: the sum of all the elements of all the arguments
    (integers and logicals give an integer).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> sum(c(1, 2, 3)), sum(r_colon(1, 10), 5), sum(c(True, False, True))
        (6.0, 60, 2)
        >>> sum(c(0.1, 0.2))
        0.30000000000000004
    """
    values = []
    for a in args:
        if isinstance(a, np.ndarray) or _is_tensor(a):
            arr = np.asarray(a)
            total = np.nansum(arr) if na_rm else np.sum(arr)
            values.append(_py(total))
        else:
            values.extend(_numbers([a], "sum()", na_rm))
    if _any(_na(v) for v in values):
        return NA if _any(v is NA for v in values) else math.nan
    if _all(isinstance(v, (int, bool)) for v in values):
        return _sum(int(v) for v in values)
    return _sum(float(v) for v in values)


def _extreme(args, na_rm: bool, what: str, pick):
    args = [RVector(_array_extreme(a, na_rm, pick))
            if (isinstance(a, np.ndarray) or _is_tensor(a)) else a for a in args]
    values = _numbers(args, what, na_rm)
    if not values:
        return -math.inf if pick is _max else math.inf
    if _any(_na(v) for v in values):
        return NA if _any(v is NA for v in values) else math.nan
    if _any(isinstance(v, _str) for v in values):
        return pick(_character(RVector(values)))
    result = pick(values)
    return int(result) if isinstance(result, bool) else result


def _array_extreme(a, na_rm: bool, pick):
    """An array's max or min through NumPy (fast on large arrays), as a 0- or 1-element
    list (NaN kept unless na_rm)."""
    array_ = np.asarray(a)
    if na_rm and array_.dtype.kind == "f":
        array_ = array_[~np.isnan(array_)]
    if not array_.size:
        return []
    if array_.dtype.kind == "f" and np.isnan(array_).any():
        return [math.nan]
    return [_py(array_.max() if pick is _max else array_.min())]


def max(*args, na_rm: bool = False):  # noqa: A001  (R's name)
    """R's `max(..., na.rm = FALSE)`: the largest element of all the arguments (`-Inf`
    for none; NA gives NA unless `na_rm`).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> max(c(3, 1, 2)), max(c(1, 5), 4), max(c(1, NA)) is NA, max(c(1, NA), na_rm=True)
        (3.0, 5.0, True, 1.0)
    """
    return _extreme(args, na_rm, "max()", _max)


def min(*args, na_rm: bool = False):  # noqa: A001  (R's name)
    """R's `min(..., na.rm = FALSE)`: the smallest element of all the arguments (`Inf`
    for none).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> min(c(3, 1, 2)), min(array(r_colon(1, 6), c(2, 3)))
        (1.0, 1)
    """
    return _extreme(args, na_rm, "min()", _min)


def range(*args, na_rm: bool = False, finite: bool = False):  # noqa: A001  (R's name)
    """R's `range(..., na.rm = FALSE)`: `c(min, max)` of all the elements.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> range(c(3, 1, 2)), range(c(5, 1), 9)
        (c(1, 3), c(1, 9))
    """
    if finite:
        args = [RVector([v for v in _items(a) if not _na(v) and not (
            isinstance(v, float) and math.isinf(v))]) for a in args]
    return RVector([_extreme(args, na_rm, "range()", _min),
                    _extreme(args, na_rm, "range()", _max)])


# --- arrays -----------------------------------------------------------------------------

def array(data=NA, dim=None, dimnames=None):
    """R's `array(data, dim)`: an array of dimensions `dim` filled with `data` in R's
    column-major order (the first index fastest), `data` recycled to fill it.

    Value: a NumPy array with R's values at R's positions: R's `x[i, j, k]` is
    `x[i - 1, j - 1, k - 1]` (NumPy stores it row-major; the values are R's).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> x = array(r_colon(1, 24), dim=c(2, 3, 4))
        >>> int(x[1, 2, 3]), int(x[0, 1, 0]), x.shape
        (24, 3, (2, 3, 4))
        >>> array(0, c(2, 2))
        array([[0, 0],
               [0, 0]])
    """
    if dimnames is not None:
        raise ValueError("array(): `dimnames` is not supported (NumPy arrays have no names).")
    values = _flat(data)
    if dim is None:
        dims = (values.size,)
    else:
        dims = tuple(_whole(d, "array(dim)") for d in _items(dim))
    size = math.prod(dims)
    flat = values if values.size == size else np.resize(values, size)
    return flat.reshape(dims, order="F")


def matrix(data=NA, nrow=None, ncol=None, byrow: bool = False, dimnames=None):
    """R's `matrix(data, nrow, ncol, byrow = FALSE)`: a 2-d array filled by columns (by rows
    with `byrow`), `data` recycled. With only `nrow` (or `ncol`) the other is what fits
    the data, with neither a one-column matrix (R's defaults `nrow = 1, ncol = 1` apply
    only as R's missing() does, hence None here).

    Value: a 2-d NumPy array with R's values at R's positions.

    Examples:
        >>> matrix(r_colon(1, 6), nrow=2)
        array([[1, 3, 5],
               [2, 4, 6]])
        >>> matrix(r_colon(1, 6), ncol=2, byrow=True)
        array([[1, 2],
               [3, 4],
               [5, 6]])
    """
    if dimnames is not None:
        raise ValueError("matrix(): `dimnames` is not supported.")
    values = _flat(data)
    n = values.size
    if nrow is None and ncol is None:
        rows, cols = n, 1
    elif ncol is None:
        rows = _whole(nrow, "matrix(nrow)")
        cols = math.ceil(n / rows) if rows else 0
    elif nrow is None:
        cols = _whole(ncol, "matrix(ncol)")
        rows = math.ceil(n / cols) if cols else 0
    else:
        rows, cols = _whole(nrow, "matrix(nrow)"), _whole(ncol, "matrix(ncol)")
    flat = values if n == rows * cols else np.resize(values, rows * cols)
    if byrow:
        return flat.reshape((rows, cols))
    return flat.reshape((rows, cols), order="F")


def _count(n, what: str) -> int:
    if isinstance(n, (tuple, list, np.ndarray)) and _len(_items(n)) != 1:
        return _len(_items(n))
    return _whole(n, what)


def runif(n, min=0, max=1):  # noqa: A002  (R's argument names)
    """R's `runif(n, min = 0, max = 1)`: `n` uniform random numbers, from NumPy's global
    generator (seeded by `set_seed()`; R's own random streams cannot be reproduced, so
    the numbers differ from R's for the same seed).

    Value: a 1-d NumPy array of doubles.

    Examples:
        >>> set_seed(1); x = runif(3)
        >>> x.shape, bool(((x >= 0) & (x < 1)).all())
        ((3,), True)
    """
    return np.random.uniform(_number(min, "runif(min)"), _number(max, "runif(max)"),
                             _count(n, "runif(n)"))


def rnorm(n, mean=0, sd=1):
    """R's `rnorm(n, mean = 0, sd = 1)`: `n` normal random numbers from NumPy's global
    generator (not R's stream; see `runif()`).

    Value: a 1-d NumPy array of doubles.

    Examples:
        >>> set_seed(1); rnorm(4, mean=10, sd=0).tolist()
        [10.0, 10.0, 10.0, 10.0]
    """
    return np.random.normal(_number(mean, "rnorm(mean)"), _number(sd, "rnorm(sd)"),
                            _count(n, "rnorm(n)"))


def sample(x, size=None, replace: bool = False, prob=None):
    """R's `sample(x, size, replace = FALSE, prob = NULL)`: a random sample of the elements
    of `x`, or of `1:x` when `x` is one number >= 1 (R's rule), from NumPy's global
    generator (not R's stream).

    Value: an RVector.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> set_seed(42); s = sample(10)
        >>> sorted(s) == list(r_colon(1, 10))
        True
        >>> len(sample(c(5, 6), 5, replace=True))
        5
    """
    values = _items(x)
    if _len(values) == 1 and isinstance(values[0], numbers.Real) \
            and not isinstance(values[0], bool) and values[0] >= 1:
        values = list(_range(1, int(values[0]) + 1))
    k = _len(values) if size is None else _whole(size, "sample(size)")
    if k > _len(values) and not replace:
        raise ValueError(f"sample(): cannot take a sample ({k}) larger than the population "
                         f"({_len(values)}) when 'replace = FALSE'")
    p = None
    if prob is not None:
        weights = np.asarray(_items(prob), dtype=float)
        p = weights / weights.sum()
    picks = np.random.choice(_len(values), size=k, replace=bool(replace), p=p)
    return RVector([values[i] for i in picks])


def set_seed(seed, kind=None, normal_kind=None, sample_kind=None) -> None:
    """R's `set.seed(seed)`: seed NumPy's global generator (`runif()`, `rnorm()`,
    `sample()`), Python's `random`, the NumPy core's generator, and Keras's when Keras is
    already loaded (`keras.utils.set_random_seed()`), so a translated script is
    reproducible from run to run. R's own random streams (Mersenne-Twister with R's
    seeding scrambler and its normal/sample kinds) are not reproduced: the same seed gives
    other numbers than in R.

    Value: None.

    Examples:
        >>> set_seed(3); a = runif(2)
        >>> set_seed(3); bool((a == runif(2)).all())
        True
    """
    if kind is not None or normal_kind is not None or sample_kind is not None:
        raise ValueError("set_seed(): only R's default generator kinds are supported.")
    value = _whole(seed, "set.seed(seed)") % (2**32)
    from ..core.ops import random as core_random

    random.seed(value)
    np.random.seed(value)
    core_random._unseeded = np.random.default_rng(value)
    if keras_loaded():
        from ..dispatch import keras

        keras().utils.set_random_seed(value)


def _matrix_of(x, what: str) -> np.ndarray:
    a = np.asarray(tuple(x) if isinstance(x, RVector) else x)
    if a.ndim == 1:
        a = a.reshape(-1, 1)
    if a.ndim != 2:
        raise ValueError(f"{what}: needs a matrix; received an array of shape {a.shape}.")
    return a


def max_col(m, ties_method: _str = "random"):
    """R's `max.col(m, ties.method = "random")`: for each row of a matrix, the 1-based
    column of its largest value.

    R's default breaks ties at random (values within 1e-5 of the row's largest magnitude
    count as tied); "first" and "last" take the first or last column holding the maximum,
    as `which.max()` does for "first". Tutorials usually want "first"-like behaviour for
    class predictions, where ties are rare. Tensors are read through NumPy.

    Value: an RVector of integers, one per row.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> p = matrix(c(0.1, 0.7, 0.9, 0.2, 0, 0.1), nrow=2)
        >>> max_col(p), max_col(matrix(c(1, 1), 1), "first"), max_col(matrix(c(1, 1), 1), "last")
        (c(2, 1), c(1), c(2))
    """
    a = _matrix_of(m, "max.col(m)").astype(float)
    out = []
    for row in a:
        if np.isnan(row).any():
            out.append(NA)
            continue
        top = row.max()
        if ties_method == "first":
            out.append(int(np.flatnonzero(row == top)[0]) + 1)
        elif ties_method == "last":
            out.append(int(np.flatnonzero(row == top)[-1]) + 1)
        elif ties_method == "random":
            tolerance = 1e-5 * np.abs(row).max()
            candidates = np.flatnonzero(row >= top - tolerance)
            out.append(int(np.random.choice(candidates)) + 1)
        else:
            raise ValueError(f"max.col(): `ties_method` must be \"random\", \"first\" or "
                             f"\"last\"; received {ties_method!r}.")
    return RVector(out)


def _which_extreme(x, pick_max: bool):
    values = _items(x)
    best, best_k = None, None
    for k, v in enumerate(values):
        if _na(v):
            continue
        v = int(v) if isinstance(v, bool) else v
        if best is None or (v > best if pick_max else v < best):
            best, best_k = v, k
    if best_k is None:
        return RVector([])
    return best_k + 1


def which_max(x):
    """R's `which.max(x)`: the 1-based position of the first largest element (NA skipped;
    arrays in column-major order); an empty RVector when there is none.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> which_max(c(3, 9, 2, 9)), which_max(c(True, False))
        (2, 1)
    """
    return _which_extreme(x, True)


def which_min(x):
    """R's `which.min(x)`: the 1-based position of the first smallest element.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> which_min(c(3, 1, 2, 1))
        2
    """
    return _which_extreme(x, False)


def which(x):
    """R's `which(x)`: the 1-based positions of the TRUE elements (NA is not TRUE; arrays
    in column-major order).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> which(c(False, True, NA, True)), which(c(1, 5, 3) > 2)
        (c(2, 4), c(2, 3))
    """
    return RVector([k + 1 for k, v in enumerate(_items(x)) if v is True or v is np.True_
                    or (isinstance(v, (bool, np.bool_)) and v)])


# --- functionals ------------------------------------------------------------------------

def _result_items(value) -> list:
    if isinstance(value, np.ndarray):
        return [_py(v) for v in value.ravel(order="F")]
    if _is_tensor(value):
        return _result_items(np.asarray(value))
    if isinstance(value, (RVector, tuple)) and not isinstance(value, NamedList):
        return list(value)
    return [value]


def _simplify(results: list, names):
    """R's `simplify2array()`: length-1 results -> a vector, equal lengths -> a matrix with
    one column per result, anything else -> a list."""
    if not results:
        return []
    if _any(_is_list(r) and not isinstance(r, tuple) or isinstance(r, NamedList)
           for r in results):
        return RList.from_pairs(zip(names, results)) if names else list(results)
    items = [_result_items(r) for r in results]
    lengths = {_len(i) for i in items}
    if lengths == {1}:
        return RVector(_coerce([i[0] for i in items]), names)
    if _len(lengths) == 1 and 0 not in lengths:
        k = lengths.pop()
        flat = [v for i in items for v in i]
        return np.asarray(_coerce(flat)).reshape((k, _len(results)), order="F")
    return RList.from_pairs(zip(names, results)) if names else list(results)


def _over(x) -> tuple[list, list | None]:
    """The elements a functional walks, and their names."""
    if isinstance(x, Mapping):
        return list(x.values()), [k if isinstance(k, _str) else "" for k in x.keys()]
    if isinstance(x, NamedList):
        return list(x), list(x.names())
    if isinstance(x, RVector):
        names = x.names()
        return list(x), None if names is None else list(names)
    if isinstance(x, (list, tuple, _range)):
        return list(x), None
    return _items(x), None


def lapply(X, FUN, *args, **kwargs):
    """R's `lapply(X, FUN, ...)`: `FUN` applied to each element of `X` (a vector, list or
    named list; arrays element by element in column-major order).

    Value: a list; an RList with `X`'s names when it has them.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> lapply(c(1, 2), lambda v: v * 10)
        [10.0, 20.0]
        >>> lapply(rlist(a=1, b=2), lambda v: v + 1)
        rlist(a=2, b=3)
    """
    values, names = _over(X)
    results = [FUN(v, *args, **kwargs) for v in values]
    if names is not None:
        return RList.from_pairs([(n or None, r) for n, r in zip(names, results)])
    return results


def sapply(X, FUN, *args, simplify: bool = True, USE_NAMES: bool = True, **kwargs):
    """R's `sapply(X, FUN, ...)`: `lapply()` simplified: results of length 1 make a vector,
    results of one common length k > 1 a k-row matrix (one column per element of `X`),
    other results stay a list. Names come from `X` (or from `X` itself when it is a
    character vector).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> sapply(r_colon(1, 3), lambda v: v ** 2)
        c(1, 4, 9)
        >>> sapply(r_colon(1, 3), lambda v: c(v, v * 10))
        array([[ 1.,  2.,  3.],
               [10., 20., 30.]])
        >>> sapply(c("a", "bb"), nchar)
        c(a=1, bb=2)
    """
    values, names = _over(X)
    if names is None and USE_NAMES and values and _all(isinstance(v, _str) for v in values):
        names = list(values)
    results = [FUN(v, *args, **kwargs) for v in values]
    if not simplify:
        return RList.from_pairs(zip(names, results)) if names else results
    return _simplify(results, names)


def vapply(X, FUN, FUN_VALUE, *args, USE_NAMES: bool = True, **kwargs):
    """R's `vapply(X, FUN, FUN.VALUE, ...)`: `sapply()` whose results must each have the
    length of `FUN_VALUE` (an error otherwise).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> vapply(c(1, 2), lambda v: v / 2, 0.0)
        c(0.5, 1)
    """
    k = length(FUN_VALUE)
    checked = []

    def fun(v, *a, **kw):
        result = FUN(v, *a, **kw)
        if length(result) != k:
            raise ValueError(f"vapply(): values must be length {k}, but "
                             f"FUN(X[[{_len(checked) + 1}]]) result is length {length(result)}")
        checked.append(result)
        return result

    return sapply(X, fun, *args, USE_NAMES=USE_NAMES, **kwargs)


def apply(X, MARGIN, FUN, *args, simplify: bool = True, **kwargs):
    """R's `apply(X, MARGIN, FUN, ...)`: `FUN` applied to each row (`MARGIN = 1`), column
    (`2`), cell (`c(1, 2)`) or, for higher arrays, slice along the given axes (1-based).

    R's result shapes: results of length 1 make a vector (an array with the margin's
    dimensions for several margins), results of one common length k > 1 a matrix with
    k rows and one column per slice (so `apply(m, 1, f)` with vector results is the
    transpose of what one might expect, as in R), others a list.

    Examples:
        >>> m = matrix(r_colon(1, 6), nrow=2)
        >>> apply(m, 1, sum), apply(m, 2, max)
        (c(9, 12), c(2, 4, 6))
        >>> apply(m, 1, lambda row: row * 10)
        array([[10, 20],
               [30, 40],
               [50, 60]])
    """
    a = np.asarray(tuple(X) if isinstance(X, RVector) else X)
    margins = [_whole(m, "apply(MARGIN)") - 1 for m in _items(MARGIN)]
    if _any(m < 0 or m >= a.ndim for m in margins):
        raise ValueError(f"apply(): 'MARGIN' does not match dim(X): MARGIN "
                         f"{[m + 1 for m in margins]} for an array of shape {a.shape}.")
    rest = [k for k in _range(a.ndim) if k not in margins]
    moved = np.transpose(a, margins + rest)
    margin_shape = moved.shape[:_len(margins)]
    results = []
    # R walks the margin's cells in column-major order
    for index in itertools.product(*(_range(n) for n in reversed(margin_shape))):
        index = tuple(reversed(index))
        piece = moved[index]
        value = FUN(_py(piece) if np.ndim(piece) == 0 else piece, *args, **kwargs)
        results.append(value)
    if not simplify:
        return results
    out = _simplify(results, None)
    if isinstance(out, RVector) and _len(margins) > 1:
        return np.asarray(tuple(out)).reshape(margin_shape, order="F")
    if isinstance(out, np.ndarray) and _len(margins) > 1:
        return out.reshape((out.shape[0], *margin_shape), order="F")
    return out


# --- checks and conversions -------------------------------------------------------------

def stopifnot(*exprs, **named) -> None:
    """R's `stopifnot(...)`: raise unless every argument is all TRUE (no NA).

    The message is R's: "argument 2 is not TRUE" ("are not all TRUE" for vectors) for a
    positional argument, and the argument's name for a named one (R 4's
    `stopifnot("x must be positive" = x > 0)`; in Python `**{"x must be positive": ...}`).

    Value: None; raises AssertionError.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> stopifnot(True, c(1, 2) > 0)
        >>> stopifnot(True, c(1, -2) > 0)
        Traceback (most recent call last):
        ...
        AssertionError: argument 2 are not all TRUE
        >>> stopifnot(**{"x must be positive": -1 > 0})
        Traceback (most recent call last):
        ...
        AssertionError: x must be positive
    """
    checks = [(f"argument {k + 1}", e) for k, e in enumerate(exprs)] + [
        (name, e) for name, e in named.items()]
    for k, (label, e) in enumerate(checks):
        values = _items(e)
        if _all(isinstance(v, (bool, np.bool_)) and bool(v) for v in values):
            continue
        if k >= _len(exprs):
            raise AssertionError(label)
        many = _len(values) > 1
        raise AssertionError(f"{label} {'are not all' if many else 'is not'} TRUE")


def is_null(x) -> bool:
    """R's `is.null(x)`: whether `x` is NULL (None); an empty list is not.

    Examples:
        >>> is_null(None), is_null([])
        (True, False)
    """
    return x is None


def is_na(x):
    """R's `is.na(x)`: for each element, whether it is NA (or NaN).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> is_na(c(1, NA, 3)), is_na(NA)
        (c(False, True, False), True)
    """
    if isinstance(x, np.ndarray):
        return np.isnan(x) if x.dtype.kind == "f" else np.zeros(x.shape, dtype=bool)
    if _is_scalar(x):
        return _na(_py(x))
    return RVector([_na(v) for v in _items(x)], _item_names(x))


def _convert(x, one, dtype):
    if isinstance(x, np.ndarray) or _is_tensor(x):
        a = np.asarray(x).ravel(order="F")
        if dtype is int:
            if a.dtype.kind == "f" and np.isnan(a).any():
                return np.trunc(a)
            return np.trunc(a).astype(np.int64) if a.dtype.kind == "f" else a.astype(np.int64)
        return a.astype(np.float64)
    if _is_scalar(x):
        return one(_py(x))
    return RVector([one(v) for v in _items(x)], _item_names(x))


def _to_float(v):
    if v is None or v is NA:
        return NA
    if isinstance(v, _str):
        try:
            return float(v.strip())
        except ValueError:
            return NA  # R: "NAs introduced by coercion" (a warning)
    return float(v)


def _to_int(v):
    v = _to_float(v)
    if v is NA or math.isnan(v) or math.isinf(v) or _abs(v) >= 2**31:
        return NA
    return int(v)  # toward zero, as R


def as_integer(x):
    """R's `as.integer(x)`: whole numbers, truncated toward zero (`as.integer(-2.7)` is -2),
    strings parsed (NA when not numbers), logicals 0/1. Arrays and tensors lose their
    dimensions (R's rule) and give a 1-d NumPy array in column-major order.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> as_integer(2.9), as_integer(-2.7), as_integer(c("3", "x")), as_integer(True)
        (2, -2, c(3, NA), 1)
    """
    return _convert(x, _to_int, int)


def as_numeric(x):
    """R's `as.numeric(x)` (`as.double()`): doubles; strings parsed (NA when not numbers).
    Arrays and tensors lose their dimensions: a 1-d NumPy array in column-major order.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> as_numeric("1.5"), as_numeric(c(1, 2)), as_numeric(matrix(r_colon(1, 4), 2))
        (1.5, c(1, 2), array([1., 2., 3., 4.]))
    """
    return _convert(x, _to_float, float)


def as_array(x):
    """R's `as.array(x)`: `x` as an R array, a NumPy array (a tensor's values with its
    shape and dtype, as R keras3's `as.array()` of a tensor; a vector as a 1-d array).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> as_array(c(1, 2)), as_array(matrix(r_colon(1, 4), 2)).shape
        (array([1., 2.]), (2, 2))
    """
    if isinstance(x, np.ndarray):
        return x
    if _is_tensor(x):
        return np.asarray(x)
    return np.asarray(_coerce(_items(x)))


def as_character(x):
    """R's `as.character(x)`: text, numbers with up to 15 significant digits.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> as_character(1 / 3), as_character(c(1, 2.5)), as_character(1e5)
        ('0.333333333333333', c('1', '2.5'), '1e+05')
    """
    if _is_scalar(x):
        return _character(x)[0]
    return RVector(_character(RVector(_items(x))) if not isinstance(x, RVector)
                   else [_character(v)[0] for v in x], _item_names(x))


def names(x):
    """R's `names(x)`: an RVector of the names of a named vector or list ("" for unnamed
    elements), None (NULL) when there are none.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> names(rlist(a=1, b=2)), names(c(x=1)), names(c(1, 2)) is None
        (c('a', 'b'), c('x'), True)
    """
    if isinstance(x, (RVector, NamedList, Mapping)):
        found = _item_names(x)
        return None if found is None else RVector(found)
    if hasattr(x, "names") and callable(x.names) and not isinstance(x, np.ndarray):
        found = x.names()
        return None if found is None else RVector(found)
    return None


def names_set(x, value):
    """R's `names(x) <- value`: a copy of `x` with these names (None removes them); a list
    becomes an RList, a vector a named RVector.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> names_set(c(1, 2), c("a", "b")), names_set([1, 2], c("a", "b"))
        (c(a=1, b=2), rlist(a=1, b=2))
    """
    values = _items(x) if not isinstance(x, NamedList) else list(x)
    if value is None:
        return list(values) if _is_list(x) else RVector(values)
    labels = [_str(v) if not _na(v) else "NA" for v in _items(value)]
    labels = labels + [""] * (_len(values) - _len(labels))
    labels = labels[:_len(values)]
    if _is_list(x):
        return RList.from_pairs([(n or None, v) for n, v in zip(labels, values)])
    return RVector(values, labels)


def setNames(object=None, nm=None):  # noqa: N802, A002  (R's names)
    """R's `setNames(object, nm)`: `object` with the names `nm`.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> setNames(c(1, 2), c("x", "y"))
        c(x=1, y=2)
    """
    return names_set(object, nm)


# --- beyond the issue's list: small R functions scripts use around Keras -----------------

def _logical_values(args, na_rm: bool) -> list:
    values = [v for a in args for v in _items(a)]
    out = []
    for v in values:
        if _na(v):
            if not na_rm:
                out.append(NA)
        elif isinstance(v, _str):
            raise TypeError(f"argument of type 'character' is not interpretable as logical: "
                            f"{v!r}.")
        else:
            out.append(bool(v))
    return out


def all(*args, na_rm: bool = False):  # noqa: A001  (R's name)
    """R's `all(..., na.rm = FALSE)`: whether every element is TRUE (NA when none is FALSE
    but some are NA). Python's `all(iterable)` gives the same answer on plain logicals.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> all(c(1, 2) > 0), all(c(True, NA)) is NA, all(c(True, NA), na_rm=True)
        (True, True, True)
    """
    values = _logical_values(args, na_rm)
    if _any(v is False for v in values):
        return False
    return NA if _any(v is NA for v in values) else True


def any(*args, na_rm: bool = False):  # noqa: A001  (R's name)
    """R's `any(..., na.rm = FALSE)`: whether some element is TRUE (NA when none is TRUE
    but some are NA).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> any(c(1, 2) > 1), any(c(False, NA)) is NA
        (True, True)
    """
    values = _logical_values(args, na_rm)
    if _any(v is True for v in values):
        return True
    return NA if _any(v is NA for v in values) else False


def _math(x, function, name: _str):
    """An R math function, element-wise: vectors -> RVector, arrays -> arrays, tensors
    through NumPy, a number -> a number (NaN where R gives NaN)."""
    if isinstance(x, np.ndarray) or _is_tensor(x):
        with np.errstate(all="ignore"):
            return function(np.asarray(x))
    if x is None or isinstance(x, _str):
        raise TypeError(f"{name}(): non-numeric argument to mathematical function: {x!r}.")
    with np.errstate(all="ignore"):
        if _is_scalar(x):
            return _py(function(np.float64(_py(x)))) if not _na(x) else x
        return RVector([v if _na(v) else _py(function(np.float64(v))) for v in _items(x)],
                       _item_names(x))


def sqrt(x):
    """R's `sqrt(x)`, element-wise (NaN for negative numbers, as R).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> sqrt(c(4, 9)), sqrt(2)
        (c(2, 3), 1.4142135623730951)
    """
    return _math(x, np.sqrt, "sqrt")


def exp(x):
    """R's `exp(x)`, element-wise.

    Examples:
        >>> exp(0)
        1.0
    """
    return _math(x, np.exp, "exp")


def log(x, base=math.e):
    """R's `log(x, base = exp(1))`, element-wise (`-Inf` at 0, NaN below).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> log(c(1, 100), 10), log(0)
        (c(0, 2), -inf)
    """
    if base == math.e:
        return _math(x, np.log, "log")
    return _math(x, lambda v: np.log(v) / np.log(base), "log")


def abs(x):  # noqa: A001  (R's name)
    """R's `abs(x)`, element-wise; integers stay integers.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> abs(c(-1, 2)), abs(-2.5)
        (c(1, 2), 2.5)
    """
    return _math(x, np.abs, "abs") if not (
        isinstance(x, (int, RVector)) and _all(
            isinstance(v, int) for v in _items(x))) else (
        _abs(x) if isinstance(x, int) else RVector([_abs(v) for v in x],
                                                            _item_names(x)))


def floor(x):
    """R's `floor(x)`, element-wise (doubles, as R).

    Examples:
        >>> floor(2.7), floor(-2.1)
        (2.0, -3.0)
    """
    return _math(x, np.floor, "floor")


def ceiling(x):
    """R's `ceiling(x)`, element-wise.

    Examples:
        >>> ceiling(2.1)
        3.0
    """
    return _math(x, np.ceil, "ceiling")


def prod(*args, na_rm: bool = False):
    """R's `prod(...)`: the product of all the elements (a double).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> prod(c(28, 28, 1))
        784.0
    """
    values = _numbers(args, "prod()", na_rm)
    return float(math.prod(float(v) for v in values))


def cumsum(x):
    """R's `cumsum(x)`: running sums (integers stay integers).

    Examples:
        >>> cumsum(r_colon(1, 4))
        c(1, 3, 6, 10)
    """
    return RVector(itertools.accumulate(_items(x)))


def sort(x, decreasing: bool = False):
    """R's `sort(x, decreasing = FALSE)`: the elements in order, NA removed.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> sort(c(3, 1, NA, 2)), sort(c("b", "a"), decreasing=True)
        (c(1, 2, 3), c('b', 'a'))
    """
    return RVector(sorted((v for v in _items(x) if not _na(v)), reverse=bool(decreasing)))


def unique(x):
    """R's `unique(x)`: the elements without repeats, in order of first appearance.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> unique(c(2, 1, 2, 3, 1))
        c(2, 1, 3)
    """
    seen, out = set(), []
    for v in _items(x):
        key = ("NA",) if _na(v) else v
        if key not in seen:
            seen.add(key)
            out.append(v)
    return out if isinstance(x, list) else RVector(out)


def numeric(length=0):  # noqa: A002  (R's argument name)
    """R's `numeric(length)`: a vector of zeros (doubles).

    Examples:
        >>> numeric(3)
        c(0, 0, 0)
    """
    return RVector([0.0] * _whole(length, "numeric(length)"))


def integer(length=0):  # noqa: A002  (R's argument name)
    """R's `integer(length)`: a vector of integer zeros.

    Examples:
        >>> integer(2)
        c(0, 0)
    """
    return RVector([0] * _whole(length, "integer(length)"))


def character(length=0):  # noqa: A002  (R's argument name)
    """R's `character(length)`: a vector of empty strings.

    Examples:
        >>> character(2)
        c('', '')
    """
    return RVector([""] * _whole(length, "character(length)"))


def logical(length=0):  # noqa: A002  (R's argument name)
    """R's `logical(length)`: a vector of FALSE.

    Examples:
        >>> logical(2)
        c(False, False)
    """
    return RVector([False] * _whole(length, "logical(length)"))


def ifelse(test, yes, no):
    """R's `ifelse(test, yes, no)`: element-wise choice, `yes` and `no` recycled to the
    length of `test` (NA where `test` is NA). Arrays keep their shape (through NumPy).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> ifelse(c(1, 5, 3) > 2, "big", "small")
        c('small', 'big', 'big')
    """
    if isinstance(test, np.ndarray) or _is_tensor(test):
        return np.where(np.asarray(test), np.asarray(_flat(yes)).reshape(-1)[0]
                        if length(yes) == 1 else yes, _flat(no)[0] if length(no) == 1 else no)
    tests, yeses, nos = _items(test), _items(yes), _items(no)
    out = []
    for k, t in enumerate(tests):
        if _na(t):
            out.append(NA)
        else:
            out.append(yeses[k % _len(yeses)] if t else nos[k % _len(nos)])
    return RVector(out, _item_names(test))


def t(x):
    """R's `t(x)`: the transpose of a matrix (a vector becomes a one-row matrix); tensors
    through their own `.T` (R keras3's `t()` on tensors is `op_transpose()`).

    Examples:
        >>> t(matrix(r_colon(1, 6), 2)).shape, t(r_colon(1, 3)).shape
        ((3, 2), (1, 3))
    """
    if _is_tensor(x):
        return x.T
    a = np.asarray(tuple(x) if isinstance(x, RVector) else x)
    return a.reshape(1, -1) if a.ndim <= 1 else a.T


def _bind(args, axis: int, what: _str) -> np.ndarray:
    pieces = []
    for a in args:
        if a is None:
            continue
        array_ = np.asarray(tuple(a) if isinstance(a, RVector) else a)
        if array_.ndim <= 1:
            array_ = array_.reshape(1, -1) if axis == 0 else array_.reshape(-1, 1)
        pieces.append(array_)
    if not pieces:
        return None
    length_ = _max(p.shape[1 - axis] for p in pieces)
    pieces = [np.resize(p.ravel(order="F"), (length_,)).reshape((1, -1) if axis == 0 else
                                                                 (-1, 1))
              if p.shape[1 - axis] != length_ and p.shape[axis] == 1 else p for p in pieces]
    try:
        return np.concatenate(pieces, axis=axis)
    except ValueError as error:
        raise ValueError(f"{what}: number of columns of matrices must match: {error}") from None


def rbind(*args):
    """R's `rbind(...)`: vectors and matrices stacked as rows (vectors recycled to the
    widest).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> rbind(c(1, 2), c(3, 4))
        array([[1., 2.],
               [3., 4.]])
    """
    return _bind(args, 0, "rbind()")


def cbind(*args):
    """R's `cbind(...)`: vectors and matrices side by side as columns.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> cbind(c(1, 2), c(3, 4))
        array([[1., 3.],
               [2., 4.]])
    """
    return _bind(args, 1, "cbind()")


def _margin_stat(x, axis: int, function, na_rm: bool):
    a = np.asarray(x, dtype=float)
    if a.ndim < 2:
        raise ValueError(f"'x' must be an array of at least two dimensions; received shape "
                         f"{a.shape}.")
    axes = tuple(k for k in _range(a.ndim) if k != axis) if axis == 0 else (0,)
    result = function(a, axis=axes) if not na_rm else getattr(np, "nan" + function.__name__)(
        a, axis=axes)
    return RVector(result.tolist()) if result.ndim == 1 else result


def rowSums(x, na_rm: bool = False):  # noqa: N802  (R's name)
    """R's `rowSums(x)`: the sum of each row.

    Examples:
        >>> rowSums(matrix(r_colon(1, 6), 2))
        c(9, 12)
    """
    return _margin_stat(x, 0, np.sum, na_rm)


def rowMeans(x, na_rm: bool = False):  # noqa: N802  (R's name)
    """R's `rowMeans(x)`: the mean of each row.

    Examples:
        >>> rowMeans(matrix(r_colon(1, 6), 2))
        c(3, 4)
    """
    return _margin_stat(x, 0, np.mean, na_rm)


def colSums(x, na_rm: bool = False):  # noqa: N802  (R's name)
    """R's `colSums(x)`: the sum of each column (for higher arrays, over the first axis).

    Examples:
        >>> colSums(matrix(r_colon(1, 6), 2))
        c(3, 7, 11)
    """
    return _margin_stat(x, 1, np.sum, na_rm)


def colMeans(x, na_rm: bool = False):  # noqa: N802  (R's name)
    """R's `colMeans(x)`: the mean of each column.

    Examples:
        >>> colMeans(matrix(r_colon(1, 6), 2))
        c(1.5, 3.5, 5.5)
    """
    return _margin_stat(x, 1, np.mean, na_rm)


def message(*args, domain=None, appendLF: bool = True) -> None:  # noqa: N803
    """R's `message(...)`: the values' text pasted together (no separator), written to
    standard error with a newline.

    Examples:
        >>> message("Epochs: ", 5)
    """
    text = "".join(_str(p) for a in args for p in _character(a))
    sys.stderr.write(text + ("\n" if appendLF else ""))


class RError(Exception):
    """An error raised by R's `stop()` in translated code."""


def stop(*args, call_=True) -> None:
    """R's `stop(...)`: raise an error whose message is the values' text pasted together.

    Examples:
        >>> stop("x must be ", "positive")
        Traceback (most recent call last):
        ...
        rstyle_keras.r.base.RError: x must be positive
    """
    raise RError("".join(_str(p) for a in args for p in _character(a)))


def warning(*args, call_=True) -> None:
    """R's `warning(...)`: a Python warning with the values' text pasted together.

    Examples:
        >>> import warnings
        >>> with warnings.catch_warnings(record=True) as caught:
        ...     warnings.simplefilter("always")
        ...     warning("careful")
        >>> _str(caught[0].message)
        'careful'
    """
    import warnings

    warnings.warn("".join(_str(p) for a in args for p in _character(a)), UserWarning,
                  stacklevel=2)


def do_call(what, args=(), quote: bool = False, envir=None):
    """R's `do.call(what, args)`: call `what` with the elements of the list `args` (named
    elements as keyword arguments). `what` may be a function or the name of one in
    `rstyle_keras` or this module.

    Examples:
        >>> do_call(paste, ["a", "b"]), do_call("paste", rlist("a", "b", sep="-"))
        ('a b', 'a-b')
    """
    if isinstance(what, _str):
        import rstyle_keras

        what = globals().get(what) or getattr(rstyle_keras, what)
    if isinstance(args, Mapping):
        positional = [v for k, v in args.items() if not isinstance(k, _str) or not k]
        named = {k: v for k, v in args.items() if isinstance(k, _str) and k}
        return what(*positional, **named)
    return what(*_items(args) if not isinstance(args, list) else args)


def Reduce(f, x, init=MISSING, accumulate: bool = False):  # noqa: N802  (R's name)
    """R's `Reduce(f, x, init, accumulate = FALSE)`: combine the elements from the left.

    Examples:
        >>> Reduce(lambda a, b: a + b, r_colon(1, 4)), Reduce(max, [3, 9, 2], accumulate=True)
        (10, c(3, 9, 9))
    """
    values = _over(x)[0]
    if init is not MISSING:
        values = [init, *values]
    if not values:
        return None
    steps = list(itertools.accumulate(values, f))
    return _simplify(steps, None) if accumulate else steps[-1]


def Filter(f, x):  # noqa: N802  (R's name)
    """R's `Filter(f, x)`: the elements for which `f` is TRUE.

    Examples:
        >>> Filter(lambda v: v > 1, r_colon(1, 3))
        c(2, 3)
    """
    values, names_ = _over(x)
    keep = [k for k, v in enumerate(values) if bool(f(v))]
    if isinstance(x, (list, Mapping, NamedList)) and not isinstance(x, RVector):
        if names_:
            return RList.from_pairs([(names_[k] or None, values[k]) for k in keep])
        return [values[k] for k in keep]
    return RVector([values[k] for k in keep])


def Map(f, *args, **kwargs):  # noqa: N802  (R's name)
    """R's `Map(f, ...)`: `f` applied to the first elements of each argument, then the
    second ones, ... (recycled); a list (named by the first argument's names).

    Examples:
        >>> Map(lambda a, b: a * b, r_colon(1, 3), r_colon(4, 6))
        [4, 10, 18]
    """
    columns = [_over(a)[0] for a in args]
    n = _max((_len(col) for col in columns), default=0)
    results = [f(*(col[k % _len(col)] for col in columns), **kwargs) for k in _range(n)]
    first_names = _over(args[0])[1] if args else None
    if first_names:
        return RList.from_pairs([(nm or None, r) for nm, r in zip(first_names, results)])
    return results


def file_path(*args, fsep: _str = "/"):
    """R's `file.path(...)`: the parts joined by "/" (vectorised as `paste()`).

    Examples:
        >>> file_path("data", "mnist.npz")
        'data/mnist.npz'
    """
    return paste(*args, sep=fsep)


def isTRUE(x) -> bool:  # noqa: N802  (R's name)
    """R's `isTRUE(x)`: True only for a single TRUE (not NA, not a vector of several).

    Examples:
        >>> isTRUE(True), isTRUE(c(True, True)), isTRUE(NA), isTRUE(None)
        (True, False, False, False)
    """
    items = _items(x)
    return _len(items) == 1 and isinstance(items[0], (bool, np.bool_)) and bool(items[0])


def isFALSE(x) -> bool:  # noqa: N802  (R's name)
    """R's `isFALSE(x)`: True only for a single FALSE.

    Examples:
        >>> isFALSE(False), isFALSE(0), isFALSE(c(False, False))
        (True, False, False)
    """
    items = _items(x)
    return _len(items) == 1 and isinstance(items[0], (bool, np.bool_)) and not items[0]


_session_dir: list = []


def tempdir() -> _str:
    """R's `tempdir()`: this session's temporary directory (made on first use, removed
    when Python exits).

    Examples:
        >>> import os; os.path.isdir(tempdir())
        True
    """
    if not _session_dir:
        import atexit
        import shutil
        import tempfile as _tempfile

        _session_dir.append(_tempfile.mkdtemp(prefix="Rtmp"))
        atexit.register(shutil.rmtree, _session_dir[0], True)
    return _session_dir[0]


def tempfile(pattern="file", tmpdir=None, fileext=""):
    """R's `tempfile(pattern = "file", tmpdir = tempdir(), fileext = "")`: a new file
    name (the file is not made), one per pattern (vectorised as R's).

    Examples:
        >>> path = tempfile(fileext=".keras")
        >>> path.startswith(tempdir()) and path.endswith(".keras")
        True
    """
    import os
    import uuid

    folder = tempdir() if tmpdir is None else tmpdir
    patterns, exts = _character(pattern), _character(fileext)
    n = _max(_len(patterns), _len(exts))
    names = [os.path.join(_character(folder)[0], f"{patterns[i % _len(patterns)]}"
                          f"{uuid.uuid4().hex[:12]}{exts[i % _len(exts)]}") for i in _range(n)]
    return _text_result(names)


def file_exists(*paths):
    """R's `file.exists(...)`: whether each path exists.

    Examples:
        >>> file_exists(tempdir())
        True
    """
    import os

    found = [os.path.exists(p) for path in paths for p in _character(path)]
    return found[0] if _len(found) == 1 else RVector(found)


def basename(path):
    """R's `basename(path)`: the last part of each path.

    Examples:
        >>> basename("data/mnist.npz")
        'mnist.npz'
    """
    import os

    return _text_result([os.path.basename(p.rstrip("/")) for p in _character(path)])


def unlist(x, use_names: bool = True):
    """R's `unlist(x)`: the elements of a (nested) list as one vector, in R's common type;
    names joined as R does (`a.b`, `a1`, `a2`).

    Examples:
        >>> unlist([1, [2, 3]]), unlist(rlist(a=1, b=rlist(c=2)))
        (c(1, 2, 3), c(a=1, b.c=2))
    """
    values, labels = [], []

    def walk(v, prefix):
        if _is_list(v) or isinstance(v, RVector):
            items, inner = _over(v)
            for k, item in enumerate(items):
                name = inner[k] if inner else ""
                if prefix and name:
                    label = f"{prefix}.{name}"
                elif prefix:
                    label = prefix if _len(items) == 1 else f"{prefix}{k + 1}"
                else:
                    label = name
                walk(item, label)
        else:
            for item in _items(v):
                values.append(item)
                labels.append(prefix)

    walk(x, "")
    if x is None:
        return None
    has_names = use_names and _any(labels)
    return RVector(_coerce(values), labels if has_names else None)


def order(*args, decreasing: bool = False):
    """R's `order(x)`: the 1-based positions that sort `x` (ties keep their order; NA
    last).

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> order(c(3, 1, 2)), order(c(3, 1, 2), decreasing=True)
        (c(2, 3, 1), c(1, 3, 2))
    """
    values = _items(args[0])
    present = [k for k, v in enumerate(values) if not _na(v)]
    present.sort(key=lambda k: values[k], reverse=bool(decreasing))
    return RVector([k + 1 for k in present] + [k + 1 for k, v in enumerate(values) if _na(v)])


def all_equal(target, current, tolerance=1.5e-8, **kwargs):
    """R's `all.equal(target, current)` on numbers (vectors, arrays, tensors): TRUE when
    their mean relative difference is within `tolerance`, else R's text saying it.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> all_equal(c(1, 2), c(1, 2 + 1e-10)), all_equal(1, 1.5)
        (True, 'Mean relative difference: 0.5')
    """
    a, b = _flat(target).astype(float), _flat(current).astype(float)
    if a.shape != b.shape:
        return f"Lengths ({a.size}, {b.size}) differ"
    scale = float(np.mean(np.abs(a))) if a.size else 0.0
    diff = float(np.mean(np.abs(a - b))) if a.size else 0.0
    relative = diff / scale if scale > 0 else diff
    if relative <= tolerance:
        return True
    kind = "relative" if scale > 0 else "absolute"
    return f"Mean {kind} difference: {format_element(relative)}"


def aperm(a, perm=None):
    """R's `aperm(a, perm)`: the array's axes permuted (`perm` 1-based; reversed when
    NULL, R's default, which is the transpose of a matrix).

    Examples:
        >>> aperm(array(r_colon(1, 6), c(1, 2, 3))).shape
        (3, 2, 1)
    """
    x = np.asarray(a) if _is_tensor(a) else a
    if perm is None:
        return np.transpose(x)
    return np.transpose(x, [_whole(p, "perm") - 1 for p in _items(perm)])


def identical(x, y) -> bool:
    """R's `identical(x, y)`: the same values of the same kind.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> identical(c(1, 2), c(1, 2)), identical(c(1, 2), c(2, 1))
        (True, False)
    """
    if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
        return (isinstance(x, np.ndarray) and isinstance(y, np.ndarray)
                and x.shape == y.shape and bool(np.array_equal(x, y, equal_nan=x.dtype.kind
                                                                == "f")))
    if isinstance(x, RVector) and isinstance(y, RVector):
        return (_len(x) == _len(y) and _item_names(x) == _item_names(y) and _all(
            (a is b) or (_na(a) and _na(b)) or (type(a) is type(b) and a == b)
            for a, b in zip(x, y)))
    return type(x) is type(y) and bool(x == y)


def vector(mode: _str = "logical", length=0):  # noqa: A002  (R's argument name)
    """R's `vector(mode, length)`: a list of NULLs (`"list"`) or a vector of zeros.

    Examples:
        >>> vector("list", 2), vector("numeric", 2)
        ([None, None], c(0, 0))
    """
    n = _whole(length, "vector(length)")
    makers = {"list": lambda: [None] * n, "numeric": lambda: numeric(n),
              "double": lambda: numeric(n), "integer": lambda: integer(n),
              "character": lambda: character(n), "logical": lambda: logical(n)}
    if mode not in makers:
        raise ValueError(f"vector(): `mode` must be one of {sorted(makers)}; received "
                         f"{mode!r}.")
    return makers[mode]()


def append(x, values, after=None):
    """R's `append(x, values, after = length(x))`: a new vector or list with `values`
    inserted after position `after`.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> append(c(1, 2), 3), append([1, 2], [9], after=1)
        (c(1, 2, 3), [1, 9, 2])
    """
    items = _items(x) if not isinstance(x, list) else list(x)
    k = _len(items) if after is None else _whole(after, "append(after)")
    new = list(values) if isinstance(values, list) else _items(values)
    out = items[:k] + new + items[k:]
    return out if isinstance(x, list) else c(*out)


def _pattern(pattern: _str, fixed: bool, ignore_case: bool):
    import re

    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(re.escape(pattern) if fixed else pattern, flags)


def _replacement(text: _str, fixed: bool) -> _str:
    """R's `\\1` back-references are Python's too; a literal backslash elsewhere stays."""
    return text.replace("\\", "\\\\") if fixed else text


def gsub(pattern, replacement, x, ignore_case: bool = False, perl: bool = False,
         fixed: bool = False):
    """R's `gsub(pattern, replacement, x)`: replace every match, element-wise (Python's
    regular expressions stand for R's; `fixed = TRUE` matches the text itself).

    Examples:
        >>> gsub("a", "o", c("banana", "apple")), gsub(".", "-", "a.b", fixed=True)
        (c('bonono', 'opple'), 'a-b')
    """
    regex = _pattern(pattern, fixed, ignore_case)
    return _text_result([regex.sub(_replacement(replacement, fixed), v)
                         for v in _character(x)])


def sub(pattern, replacement, x, ignore_case: bool = False, perl: bool = False,
        fixed: bool = False):
    """R's `sub(pattern, replacement, x)`: replace the first match, element-wise.

    Examples:
        >>> sub("a", "o", "banana")
        'bonana'
    """
    regex = _pattern(pattern, fixed, ignore_case)
    return _text_result([regex.sub(_replacement(replacement, fixed), v, count=1)
                         for v in _character(x)])


def grepl(pattern, x, ignore_case: bool = False, perl: bool = False, fixed: bool = False):
    """R's `grepl(pattern, x)`: whether each string matches.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> grepl("an", c("banana", "kiwi"))
        c(True, False)
    """
    regex = _pattern(pattern, fixed, ignore_case)
    return RVector([regex.search(v) is not None for v in _character(x)])


def strsplit(x, split, fixed: bool = False, perl: bool = False):
    """R's `strsplit(x, split)`: a list with, for each string, the vector of its pieces
    (`split = ""` splits into characters).

    Examples:
        >>> strsplit("a b c", " "), strsplit("abc", "")
        ([c('a', 'b', 'c')], [c('a', 'b', 'c')])
    """
    out = []
    for v in _character(x):
        if split == "":
            out.append(RVector(list(v)))
        else:
            pieces = _pattern(split, fixed, False).split(v)
            if pieces and pieces[-1] == "":  # R drops one trailing empty piece
                pieces = pieces[:-1]
            out.append(RVector(pieces))
    return out


def substr(x, start, stop):
    """R's `substr(x, start, stop)`: characters `start` to `stop` (1-based, inclusive).

    Examples:
        >>> substr("keras", 2, 4)
        'era'
    """
    first, last = _whole(start, "substr(start)"), _whole(stop, "substr(stop)")
    return _text_result([v[_max(first, 1) - 1:_max(last, 0)] for v in _character(x)])


def trimws(x, which: _str = "both"):
    """R's `trimws(x)`: without leading and/or trailing white space.

    Examples:
        >>> trimws("  a b  "), trimws(" a ", which="left")
        ('a b', 'a ')
    """
    strip = {"both": _str.strip, "left": _str.lstrip, "right": _str.rstrip}[which]
    return _text_result([strip(v) for v in _character(x)])


def length_set(x, value):
    """R's `length(x) <- n`: cut to `n` elements, or extended with NA (NULL for lists).

    Examples:
        >>> length_set(r_colon(1, 3), 5), length_set([1, 2, 3], 1)
        (c(1, 2, 3, NA, NA), [1])
    """
    n = _whole(value, "length<-")
    if isinstance(x, list):
        return (list(x) + [None] * n)[:n]
    items = _items(x)
    return RVector((items + [NA] * n)[:n])


def is_numeric(x) -> bool:
    """R's `is.numeric(x)`: numbers (not logicals), as scalars, vectors or arrays.

    Examples:
        >>> from rstyle_keras.r.base import c
        >>> is_numeric(c(1, 2)), is_numeric("a"), is_numeric(True)
        (True, False, False)
    """
    if isinstance(x, np.ndarray) or _is_tensor(x):
        return np.asarray(x).dtype.kind in "iuf"
    if isinstance(x, (bool, np.bool_, _str)) or x is None or _is_list(x):
        return False
    values = _items(x)
    return _all(isinstance(v, (numbers.Number, np.number)) and not isinstance(v, bool)
                for v in values if v is not NA)


def is_character(x) -> bool:
    """R's `is.character(x)`.

    Examples:
        >>> is_character("a"), is_character(1)
        (True, False)
    """
    if isinstance(x, np.ndarray):
        return x.dtype.kind in "US"
    if isinstance(x, _str):
        return True
    if isinstance(x, (RVector, tuple)) and not _is_list(x):
        return _len(x) > 0 and _all(isinstance(v, _str) or v is NA for v in x)
    return False


def is_list(x) -> bool:
    """R's `is.list(x)`: a list, named or not.

    Examples:
        >>> is_list([1]), is_list(rlist(a=1)), is_list(r_colon(1, 2))
        (True, True, False)
    """
    return _is_list(x)


def is_function(x) -> bool:
    """R's `is.function(x)`.

    Examples:
        >>> is_function(print), is_function(1)
        (True, False)
    """
    return callable(x) and not isinstance(x, type)


_ = (r_subset, rlist, MISSING, r_colon)  # re-exported for translated code
