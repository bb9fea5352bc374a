"""R's formatting of numbers, for `print()`, `cat()`, `paste()` and `str()` of `r.base`.

R formats a vector of doubles with one common layout (R's `formatReal()`): each number is
rounded to `digits` significant digits (7 for printing, 15 for `as.character()`), trailing
zeros are dropped, and the vector gets the fewest decimals that show every element so;
fixed notation is used unless scientific notation is narrower. Integers print as they are,
logicals as TRUE/FALSE, R's NA as `NA` (the `NA` object), other NaNs as `NaN`, infinities
as `Inf`/`-Inf`.

Examples:
    >>> format_numbers([1.5, 2, 3.25])
    ['1.50', '2.00', '3.25']
    >>> format_numbers([100000.0]), format_numbers([123456.0]), format_numbers([1 / 3])
    (['1e+05'], ['123456'], ['0.3333333'])
    >>> format_numbers([1e-10, 1.5e-10])
    ['1.0e-10', '1.5e-10']
    >>> format_numbers([1, 10, 100])          # Python ints are R's integers
    ['  1', ' 10', '100']
    >>> format_number(1 / 3, digits=15), format_number(0.1, digits=15)
    ('0.333333333333333', '0.1')
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from .ops import NA

__all__ = ["format_number", "format_numbers", "format_element", "is_na", "r_string"]


def is_na(x) -> bool:
    """Whether `x` is R's NA or NaN (a float NaN), or None inside a vector."""
    if x is None:
        return True
    if isinstance(x, (float, np.floating)):
        return math.isnan(x)
    return False


def _is_int(x) -> bool:
    return isinstance(x, (numbers.Integral, np.integer)) and not isinstance(x, (bool, np.bool_))


def _is_bool(x) -> bool:
    return isinstance(x, (bool, np.bool_))


def _special(x) -> str | None:
    """R's text of a number that has no digits (NA, NaN, Inf), else None."""
    if x is NA or x is None:
        return "NA"
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Inf" if x > 0 else "-Inf"
    return None


def _scientific(x: float, digits: int) -> tuple[int, int]:
    """R's `scientific()`: the power of ten of `x` and its significant digits (<= digits)."""
    if x == 0:
        return 0, 1
    mantissa, exponent = f"{abs(x):.{digits - 1}e}".split("e")
    significant = mantissa.replace(".", "").rstrip("0")
    return int(exponent), max(1, len(significant))


def _layout(values: list[float], digits: int) -> tuple[bool, int]:
    """(scientific?, decimals) of R's common layout of finite `values`."""
    finite = [float(v) for v in values if _special(float(v)) is None]
    if not finite:
        return False, 0
    neg = any(v < 0 for v in finite)
    rgt = mxsl = -(10**9)
    mxe, mne, mxns = -(10**9), 10**9, -(10**9)
    for v in finite:
        kpower, nsig = _scientific(v, digits)
        left = kpower + 1
        sleft = (v < 0) + (1 if left <= 0 else left)
        rgt = max(rgt, nsig - left)
        mxsl = max(mxsl, sleft)
        mxe, mne, mxns = max(mxe, kpower), min(mne, kpower), max(mxns, nsig)
    rgt = max(rgt, 0)
    fixed_width = mxsl + rgt + (rgt != 0)
    e = 2 if (mxe >= 100 or mne <= -99) else 1
    d = mxns - 1
    sci_width = neg + (d > 0) + d + 4 + e
    if fixed_width <= sci_width:
        return False, rgt
    return True, d


def format_numbers(values, digits: int = 7, pad: bool = True) -> list[str]:
    """R's text of each element of a numeric vector, laid out together (padded to one width
    when `pad`). Booleans are TRUE/FALSE; all-integer vectors print as integers."""
    values = list(values)
    if all(_is_bool(v) or v is NA or v is None for v in values) and values:
        out = [_special(v) if (v is NA or v is None) else ("TRUE" if v else "FALSE")
               for v in values]
    elif all(_is_int(v) or _is_bool(v) or v is NA or v is None for v in values):
        out = ["NA" if (v is NA or v is None) else str(int(v)) for v in values]
    else:
        # R writes -0 as 0
        numbers_ = [v if (v is NA or v is None) else (float(v) + 0.0) for v in values]
        scientific, decimals = _layout(numbers_, digits)
        out = []
        for v in numbers_:
            special = _special(v)
            if special is not None:
                out.append(special)
            elif scientific:
                out.append(f"{v:.{decimals}e}")
            else:
                out.append(f"{v:.{decimals}f}")
    if pad and out:
        width = max(len(s) for s in out)
        out = [s.rjust(width) for s in out]
    return out


def format_number(x, digits: int = 7) -> str:
    """R's text of one number on its own (`cat()` with 7 digits, `as.character()` 15)."""
    return format_numbers([x], digits, pad=False)[0]


def r_string(s: str) -> str:
    """A string as R prints it: double-quoted with R's escapes."""
    escaped = (s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
               .replace("\t", "\\t").replace("\r", "\\r"))
    return f'"{escaped}"'


def format_element(x, digits: int = 15) -> str:
    """R's `as.character()` of one element: strings as they are, numbers with `digits`."""
    if isinstance(x, str):
        return x
    if x is None:
        return "NULL"
    if isinstance(x, (numbers.Number, np.generic)):
        return format_number(x, digits)
    return str(x)
