"""R's operators and indexing (rstyle_keras.r.syntax) against the values R gives.

Rows hold R code, the Python the translator emits for it, and R's result written out from
R's semantics; hypothesis checks RVector arithmetic against NumPy's element-wise results.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rstyle_keras.r import syntax
from rstyle_keras.r.base import NA, array, c, matrix
from rstyle_keras.r.named_list import NamedList
from rstyle_keras.r.syntax import (
    MISSING,
    RInteger,
    RList,
    RVector,
    r_colon,
    r_get,
    r_get_set,
    r_in,
    r_iter,
    r_matmul,
    r_not,
    r_subset,
    r_subset_set,
    r_try,
    rlist,
)
from tests.test_r_base import same

V = RVector
A24 = array(r_colon(1, 24), dim=c(2, 3, 4))
M6 = matrix(r_colon(1, 6), nrow=2)

# (helper, R code, Python, R's value)
CASES = [
    ("RVector", "c(1, 2) * 2", lambda: c(1, 2) * 2, V([2, 4])),
    ("RVector", "c(1, 2) + c(10, 20)", lambda: c(1, 2) + c(10, 20), V([11, 22])),
    ("RVector", "1:4 + c(10, 20)  # recycling", lambda: r_colon(1, 4) + c(10, 20),
     V([11, 22, 13, 24])),
    ("RVector", "1:3 + 1:2  # recycled with R's warning", lambda: r_colon(1, 3) + r_colon(1, 2),
     V([2, 4, 4])),
    ("RVector", "10 - 1:3", lambda: 10 - r_colon(1, 3), V([9, 8, 7])),
    ("RVector", "1:3 * 2L", lambda: r_colon(1, 3) * 2, V([2, 4, 6])),
    ("RVector", "1:4 / 2", lambda: r_colon(1, 4) / 2, V([0.5, 1.0, 1.5, 2.0])),
    ("RVector", "c(1, -1, 0) / 0", lambda: c(1, -1, 0) / 0, V([math.inf, -math.inf, math.nan])),
    ("RVector", "c(-7, 7) %% 3", lambda: c(-7, 7) % 3, V([2, 1])),
    ("RVector", "c(-7, 7) %% -3", lambda: c(-7, 7) % -3, V([-1, -2])),
    ("RVector", "c(-7, 7) %/% 3", lambda: c(-7, 7) // 3, V([-3, 2])),
    ("RVector", "c(5.5, 2) %% 2", lambda: c(5.5, 2) % 2, V([1.5, 0.0])),
    ("RVector", "5 %% 0", lambda: c(5) % 0, V([math.nan])),
    ("RVector", "c(2, 3)^2", lambda: c(2, 3) ** 2, V([4, 9])),
    ("RVector", "2^c(-1, 0.5)", lambda: 2 ** c(-1, 0.5), V([0.5, math.sqrt(2)])),
    ("RVector", "(-8)^(1/3)", lambda: c(-8) ** (1 / 3), V([math.nan])),
    ("RVector", "0^-1", lambda: c(0) ** -1, V([math.inf])),
    ("RVector", "-c(1, 2)", lambda: -c(1, 2), V([-1, -2])),
    ("RVector", "c(1, NA) + 1", lambda: c(1, NA) + 1, V([2, NA])),
    ("RVector", "NA^0", lambda: c(NA) ** 0, V([1.0])),
    ("RVector", "c(TRUE, TRUE) + 1", lambda: c(True, True) + 1, V([2, 2])),
    ("RVector", "1:3 > 1", lambda: r_colon(1, 3) > 1, V([False, True, True])),
    ("RVector", "2 < 1:3", lambda: 2 < r_colon(1, 3), V([False, False, True])),
    ("RVector", "c(1, NA) == 1", lambda: c(1, NA) == 1, V([True, NA])),
    ("RVector", "c('a', 'b') == 'a'", lambda: c("a", "b") == "a", V([True, False])),
    ("RVector", "1 == '1'  # compared as text", lambda: c(1) == "1", V([True])),
    ("RVector", "c(TRUE, NA, FALSE) & NA", lambda: c(True, NA, False) & NA, V([NA, NA, False])),
    ("RVector", "c(TRUE, NA, FALSE) | NA", lambda: c(True, NA, False) | NA, V([True, NA, NA])),
    ("RVector", "(1:4 > 1) & (1:4 < 4)", lambda: (r_colon(1, 4) > 1) & (r_colon(1, 4) < 4),
     V([False, True, True, False])),
    ("RVector", "c(a = 1, b = 2) * 10", lambda: c(a=1, b=2) * 10, V([10, 20], ["a", "b"])),
    ("RVector", "matrix(1:6, 2) * c(1, 10)  # along columns",
     lambda: M6 * c(1, 10), np.array([[1, 3, 5], [20, 40, 60]])),
    ("RVector", "c(1, 10) * matrix(1:6, 2)", lambda: c(1, 10) * M6,
     np.array([[1, 3, 5], [20, 40, 60]])),
    ("RVector", "matrix(1:6, 2) - 1:3", lambda: M6 - r_colon(1, 3),
     np.array([[0, 0, 3], [0, 3, 3]])),
    ("RVector", "sqrt(c(1, 4))", lambda: np.sqrt(c(1, 4)), V([1.0, 2.0])),
    ("r_colon", "1:5", lambda: r_colon(1, 5), V([1, 2, 3, 4, 5])),
    ("r_colon", "3:1", lambda: r_colon(3, 1), V([3, 2, 1])),
    ("r_colon", "1:0", lambda: r_colon(1, 0), V([1, 0])),
    ("r_colon", "-1:1", lambda: r_colon(-1, 1), V([-1, 0, 1])),
    ("r_colon", "1.5:4", lambda: r_colon(1.5, 4), V([1.5, 2.5, 3.5])),
    ("r_colon", "1:2.9", lambda: r_colon(1, 2.9), V([1, 2])),
    ("r_colon", "2:2", lambda: r_colon(2, 2), V([2])),
    ("r_colon", "1:length(x)", lambda: r_colon(1.0, 3), V([1, 2, 3])),
    ("r_in", "c(1, 5) %in% 1:3", lambda: r_in(c(1, 5), r_colon(1, 3)), V([True, False])),
    ("r_in", "'b' %in% c('a', 'b')", lambda: r_in("b", c("a", "b")), V([True])),
    ("r_in", "NA %in% c(1, NA)", lambda: r_in(NA, c(1, NA)), V([True])),
    ("r_in", "1 %in% c('1', 'x')", lambda: r_in(1, c("1", "x")), V([True])),
    ("r_in", "'a' %in% names(list(a = 1))", lambda: r_in("a", ["a"]), V([True])),
    ("r_not", "!c(TRUE, FALSE, NA)", lambda: r_not(c(True, False, NA)), V([False, True, NA])),
    ("r_not", "!0", lambda: r_not(0), True),
    ("r_not", "!c(0, 2)", lambda: r_not(c(0, 2)), V([True, False])),
    ("r_not", "!matrix(c(TRUE, FALSE), 1)", lambda: r_not(matrix(c(True, False), 1)),
     np.array([[False, True]])),
    ("r_matmul", "1:3 %*% 4:6", lambda: r_matmul(r_colon(1, 3), r_colon(4, 6)),
     np.array([[32]])),
    ("r_matmul", "matrix(1:4, 2) %*% c(1, 1)", lambda: matrix(r_colon(1, 4), 2) @ c(1, 1),
     np.array([[4], [6]])),
    ("r_matmul", "c(1, 1) %*% matrix(1:4, 2)", lambda: c(1, 1) @ matrix(r_colon(1, 4), 2),
     np.array([[3, 7]])),
    ("r_matmul", "matrix(1:6, 2) %*% matrix(1:6, 3)", lambda: M6 @ matrix(r_colon(1, 6), 3),
     np.array([[22, 49], [28, 64]])),
    ("r_matmul", "1:2 %*% t(1:3)  # outer", lambda: r_matmul(c(1, 2), matrix(r_colon(1, 3), 1)),
     np.array([[1, 2, 3], [2, 4, 6]])),
    ("r_get", "c(5, 6, 7)[[2]]", lambda: r_get(c(5, 6, 7), 2), 6),
    ("r_get", "list(1, 'a')[[2]]", lambda: r_get([1, "a"], 2), "a"),
    ("r_get", "list(a = 1, b = 2)[['b']]", lambda: r_get(rlist(a=1, b=2), "b"), 2),
    ("r_get", "list(a = 1, b = 2)[[2]]", lambda: r_get(rlist(a=1, b=2), 2), 2),
    ("r_get", "list(a = 1)[['zz']]", lambda: r_get(rlist(a=1), "zz"), None),
    ("r_get", "c(a = 1, b = 2)[['b']]", lambda: r_get(c(a=1, b=2), "b"), 2),
    ("r_get", "c(a = 1, b = 2)[['b']] as the translator writes it",
     lambda: c(a=1, b=2)["b"], 2),
    ("r_get", "c(1, 2)[[-1]]", lambda: r_get(c(1, 2), -1), 2),
    ("r_get", "list(a = list(b = 5))[[c(1, 1)]]  # recursive",
     lambda: r_get(rlist(a=rlist(b=5)), c(1, 1)), 5),
    ("r_get", "matrix(1:6, 2)[[3]]", lambda: r_get(M6, 3), 3),
    ("r_get", "x[[2.7]]  # truncated", lambda: r_get(c(5, 6, 7), 2.7), 6),
    ("r_get", "named_list$a via [[", lambda: r_get(NamedList(a=1, b=2), "b"), 2),
    ("r_get", "x[[i]] on a dict", lambda: r_get({"a": 3}, "a"), 3),
    ("r_subset", "x[c(1, 3)]", lambda: r_subset(c(10, 20, 30, 40), c(1, 3)), V([10, 30])),
    ("r_subset", "x[-1]", lambda: r_subset(c(10, 20, 30), -1), V([20, 30])),
    ("r_subset", "x[-c(1, 2)]", lambda: r_subset(c(10, 20, 30), -c(1, 2)), V([30])),
    ("r_subset", "x[c(TRUE, FALSE)]  # recycled", lambda: r_subset(c(10, 20, 30, 40),
                                                               c(True, False)), V([10, 30])),
    ("r_subset", "x[x > 15]", lambda: r_subset(c(10, 20, 30), c(10, 20, 30) > 15), V([20, 30])),
    ("r_subset", "x[c(TRUE, NA)]", lambda: r_subset(c(1, 2), c(True, NA)), V([1, NA])),
    ("r_subset", "x[5] past the end", lambda: r_subset(c(1, 2), 5), V([NA])),
    ("r_subset", "x[0]", lambda: r_subset(c(1, 2), 0), V([])),
    ("r_subset", "x[c(0, 1)]", lambda: r_subset(c(1, 2), c(0, 1)), V([1])),
    ("r_subset", "x[c(2, 2, 1)]", lambda: r_subset(c(1, 2), c(2, 2, 1)), V([2, 2, 1])),
    ("r_subset", "x[]", lambda: r_subset(c(1, 2), MISSING), V([1, 2])),
    ("r_subset", "c(a = 1, b = 2)['b']", lambda: r_subset(c(a=1, b=2), "b"), V([2], ["b"])),
    ("r_subset", "c(a = 1, b = 2)[-1]", lambda: r_subset(c(a=1, b=2), -1), V([2], ["b"])),
    ("r_subset", "letters-like[2:3]", lambda: r_subset(c("a", "b", "c"), r_colon(2, 3)),
     V(["b", "c"])),
    ("r_subset", "list(1, 'a', NULL)[-1]", lambda: r_subset([1, "a", None], -1), ["a", None]),
    ("r_subset", "list(a = 1, b = 2)['b']", lambda: r_subset(rlist(a=1, b=2), "b"), rlist(b=2)),
    ("r_subset", "list(a = 1, b = 2, c = 3)[c(TRUE, FALSE, TRUE)]",
     lambda: r_subset(rlist(a=1, b=2, c=3), c(True, False, True)), rlist(a=1, c=3)),
    ("r_subset", "array(1:24, c(2, 3, 4))[2, 3, 4]", lambda: r_subset(A24, 2, 3, 4), 24),
    ("r_subset", "array(1:24, c(2, 3, 4))[1, 2, 1]", lambda: r_subset(A24, 1, 2, 1), 3),
    ("r_subset", "array(1:24, c(2, 3, 4))[2, , ]", lambda: r_subset(A24, 2, MISSING, MISSING),
     np.array([[2, 8, 14, 20], [4, 10, 16, 22], [6, 12, 18, 24]])),
    ("r_subset", "array(1:24, c(2, 3, 4))[, 2:3, 1]",
     lambda: r_subset(A24, MISSING, r_colon(2, 3), 1), np.array([[3, 5], [4, 6]])),
    ("r_subset", "m[, 2]", lambda: r_subset(M6, MISSING, 2), np.array([3, 4])),
    ("r_subset", "m[1, ]", lambda: r_subset(M6, 1, MISSING), np.array([1, 3, 5])),
    ("r_subset", "m[, 2, drop = FALSE]", lambda: r_subset(M6, MISSING, 2, drop=False),
     np.array([[3], [4]])),
    ("r_subset", "m[-1, ]", lambda: r_subset(M6, -1, MISSING), np.array([2, 4, 6])),
    ("r_subset", "m[, -2]", lambda: r_subset(M6, MISSING, -2), np.array([[1, 5], [2, 6]])),
    ("r_subset", "m[c(TRUE, FALSE), ]", lambda: r_subset(M6, c(True, False), MISSING),
     np.array([1, 3, 5])),
    ("r_subset", "m[5]  # column-major", lambda: r_subset(M6, 5), np.array([5])),
    ("r_subset", "m[m > 3]", lambda: r_subset(M6, M6 > 3), np.array([4, 5, 6])),
    ("r_subset", "m[cbind(c(1, 2), c(3, 1))]",
     lambda: r_subset(M6, np.array([[1, 3], [2, 1]])), np.array([5, 2])),
    ("r_subset", "runif-like 1-d array[2:3]", lambda: r_subset(np.array([1.5, 2.5, 3.5]),
                                                              r_colon(2, 3)),
     np.array([2.5, 3.5])),
    ("r_get_set", "x[[2]] <- 20", lambda: r_get_set(c(1, 2, 3), 2, 20), V([1, 20, 3])),
    ("r_get_set", "x[[5]] <- 5 (extends with NA)", lambda: r_get_set(c(1, 2), 4, 5),
     V([1, 2, NA, 5])),
    ("r_get_set", "l[[4]] <- 'x' (extends with NULL)", lambda: r_get_set([1, 2], 4, "x"),
     [1, 2, None, "x"]),
    ("r_get_set", "l[['a']] <- NULL (removes)", lambda: r_get_set(rlist(a=1, b=2), "a", None),
     rlist(b=2)),
    ("r_get_set", "l[['c']] <- 3 (appends)", lambda: r_get_set(rlist(a=1), "c", 3),
     rlist(a=1, c=3)),
    ("r_get_set", "l <- list(); l[['a']] <- 1 (the list gains names)",
     lambda: r_get_set([], "a", 1), rlist(a=1)),
    ("r_get_set", "l[[1]] <- c(1, 2) (a vector in one element)",
     lambda: r_get_set([0, 0], 1, c(1, 2)), [V([1, 2]), 0]),
    ("r_get_set", "m[[3]] <- 0", lambda: r_get_set(M6, 3, 0), np.array([[1, 0, 5], [2, 4, 6]])),
    ("r_subset_set", "x[c(1, 2)] <- 0", lambda: r_subset_set(c(1, 2, 3, 4), c(1, 2), value=0),
     V([0, 0, 3, 4])),
    ("r_subset_set", "x[x > 1] <- c(7, 8)",
     lambda: r_subset_set(c(1, 2, 3), c(1, 2, 3) > 1, value=c(7, 8)), V([1, 7, 8])),
    ("r_subset_set", "x[-1] <- 0", lambda: r_subset_set(c(1, 2, 3), -1, value=0), V([1, 0, 0])),
    ("r_subset_set", "x[4] <- 9", lambda: r_subset_set(c(1, 2), 4, value=9), V([1, 2, NA, 9])),
    ("r_subset_set", "x['b'] <- 2", lambda: r_subset_set(c(a=1), "b", value=2),
     V([1, 2], ["a", "b"])),
    ("r_subset_set", "x <- NULL; x[3] <- 1", lambda: r_subset_set(None, 3, value=1),
     V([NA, NA, 1])),
    ("r_subset_set", "m[1, ] <- c(5, 6, 7)",
     lambda: r_subset_set(M6, 1, MISSING, value=c(5, 6, 7)), np.array([[5, 6, 7], [2, 4, 6]])),
    ("r_subset_set", "m[, 2:3] <- 1:4  # column-major fill",
     lambda: r_subset_set(M6, MISSING, r_colon(2, 3), value=r_colon(1, 4)),
     np.array([[1, 1, 3], [2, 2, 4]])),
    ("r_subset_set", "m[m > 4] <- 0", lambda: r_subset_set(M6, M6 > 4, value=0),
     np.array([[1, 3, 0], [2, 4, 0]])),
    ("r_subset_set", "m[1, 1] <- 0.5 (type widens)",
     lambda: r_subset_set(M6, 1, 1, value=0.5),
     np.array([[0.5, 3, 5], [2, 4, 6]])),
    ("r_subset_set", "l[c(1, 2)] <- NULL", lambda: r_subset_set([1, 2, 3], c(1, 2), value=None),
     [3]),
    ("rlist", "list(a = 1, b = 2)", lambda: rlist(a=1, b=2), {"a": 1, "b": 2}),
    ("rlist", "names(list(1, b = 2))", lambda: rlist(1, b=2).names(), V(["", "b"])),
    ("RList", "list(b = 1, 2) order", lambda: RList.from_pairs([("b", 1), (None, 2)]).names(),
     V(["b", ""])),
    ("r_iter", "for (v in list(a = 1, b = 2))", lambda: list(r_iter(rlist(a=1, b=2))), [1, 2]),
    ("r_iter", "for (v in 1:3)", lambda: list(r_iter(r_colon(1, 3))), [1, 2, 3]),
    ("r_iter", "for (v in NULL)", lambda: list(r_iter(None)), []),
    ("r_iter", "for (v in 5)", lambda: list(r_iter(5)), [5]),
    # R's literal types: `1` is a double, `1L` an integer (the translator writes 1L in c()
    # as RInteger(1)); typeof() of each element
    ("RInteger", "typeof(c(1L, -2L))",
     lambda: [type(v).__name__ for v in c(RInteger(1), RInteger(-2))], ["int", "int"]),
    ("RInteger", "typeof(c(1, 2))", lambda: [type(v).__name__ for v in c(1, 2)],
     ["float", "float"]),
    ("RInteger", "typeof(c(1:2, 3L))",
     lambda: [type(v).__name__ for v in c(r_colon(1, 2), RInteger(3))], ["int"] * 3),
    ("rlist", "typeof(list(a = 1)$a)", lambda: type(rlist(a=1).a).__name__, "float"),
    ("r_try", "try(1 + 1)", lambda: r_try(lambda: 1 + 1), 2),
    ("r_try", "try(stop('no'), silent = TRUE)",
     lambda: r_try(lambda: int("no"), silent=True), None),
    ("r_iter", "for (v in matrix(1:4, 2))", lambda: list(r_iter(matrix(r_colon(1, 4), 2))),
     [1, 2, 3, 4]),
]


@pytest.mark.parametrize("name, r_code, python, expected", CASES,
                         ids=[f"{n}: {code}" for n, code, _, _ in CASES])
def test_syntax_gives_r_value(name, r_code, python, expected):
    got = python()
    if expected is None:
        assert got is None, (r_code, got)
    elif isinstance(expected, dict):
        assert isinstance(got, RList) and list(got.items()) == list(expected.items()), got
    else:
        assert same(got, expected), f"{r_code}: R gives {expected!r}, received {got!r}"


def test_every_syntax_helper_has_a_row():
    covered = {name for name, *_ in CASES} | {"MISSING"}
    assert set(syntax.__all__) - covered == set()


def test_copy_on_modify():
    x = [1, 2]
    v = c(1, 2)
    m = matrix(0, 2, 2)
    d = rlist(a=1)
    r_get_set(x, 1, 9), r_subset_set(v, 1, value=9), r_subset_set(m, 1, 1, value=9)
    r_get_set(d, "a", 9)
    assert x == [1, 2] and v == c(1, 2) and (m == 0).all() and d == {"a": 1}


def test_truth_of_vectors():
    assert bool(c(3) > 2) and not bool(c(1) > 2)
    with pytest.raises(ValueError, match="missing value where TRUE/FALSE needed"):
        bool(c(NA) > 1)
    with pytest.raises(ValueError, match="the condition has length > 1"):
        bool(c(1, 2) > 0)
    # == and != keep Python's tuple truth, so `in` and equality checks keep working
    assert c(1, 2) == c(1, 2) and not (c(1, 2) != c(1, 2)) and c(1, 2) != c(1, 3)
    assert c(1, 2) in [(1, 2)] and c(1, 2) not in ("auto", None)
    assert (c(1, 2) == None) is False  # noqa: E711  (R's NULL)
    assert hash(c(1, 2)) == hash((1, 2))


def test_rlist_attributes_and_positions():
    x = rlist(1, b="two")
    assert x.b == "two" and x[0] == 1 and x[1] == "two" and x["b"] == "two"
    x.c = 3
    assert x.names() == c("", "b", "c")
    with pytest.raises(AttributeError, match="no element named 'zz'"):
        x.zz  # noqa: B018


def test_indexing_errors():
    with pytest.raises(IndexError, match="can't mix positive and negative"):
        r_subset(c(1, 2, 3), c(-1, 2))
    with pytest.raises(IndexError, match="subscript out of bounds"):
        r_get(c(1, 2), 3)
    with pytest.raises(IndexError, match="subscript out of bounds"):
        r_get(c(a=1), "b")
    with pytest.raises(IndexError, match="incorrect number of dimensions"):
        r_subset(M6, 1, 1, 1)
    with pytest.raises(TypeError, match="non-numeric argument"):
        c("a") + 1
    with pytest.raises(ValueError, match="NA/NaN argument"):
        r_colon(NA, 2)


# Tensors: R keras3's op_subset(): 1-based, negative from the end, missing axes implied.
TENSOR_CASES = [
    ("x[1]  # first row", (1,), np.array([1, 4, 7, 10])),
    ("x[-1]  # last row", (-1,), np.array([3, 6, 9, 12])),
    ("x[, 2]", (MISSING, 2), np.array([4, 5, 6])),
    ("x[1:2]", (r_colon(1, 2),), np.array([[1, 4, 7, 10], [2, 5, 8, 11]])),
    ("x[c(1, 3), c(2, 4)]", (c(1, 3), c(2, 4)), np.array([[4, 10], [6, 12]])),
    ("x[, 2:2]  # shape kept", (MISSING, r_colon(2, 2)), np.array([[4], [5], [6]])),
    ("x[, c(2)]  # a length-1 vector is one index", (MISSING, c(2)), np.array([4, 5, 6])),
    ("x[2:3, c(1, 4)]", (r_colon(2, 3), c(1, 4)), np.array([[2, 11], [3, 12]])),
    ("x[c(-1, -2)]", (c(-1, -2),), np.array([[3, 6, 9, 12], [2, 5, 8, 11]])),
    ("x[NULL]  # new axis", (None,), np.arange(1, 13).reshape(4, 3).T[None]),
    ("x[c(TRUE, FALSE, TRUE), 1]", (c(True, False, True), 1), np.array([1, 3])),
]


def _tensors():
    import rstyle_keras as rk

    made = [("numpy", lambda m: rk.op_array(m))]
    try:
        import keras

        made.append(("keras", lambda m: keras.ops.convert_to_tensor(m)))
    except ImportError:  # pragma: no cover
        pass
    return made


@pytest.mark.parametrize("engine, make", _tensors(), ids=[e for e, _ in _tensors()])
@pytest.mark.parametrize("r_code, indices, expected", TENSOR_CASES,
                         ids=[t[0] for t in TENSOR_CASES])
def test_tensor_subset_is_op_subset(engine, make, r_code, indices, expected):
    x = make(matrix(r_colon(1, 12), 3))
    got = r_subset(x, *indices)
    assert not isinstance(got, (np.ndarray, RVector)) or engine == "none"
    assert np.array_equal(np.asarray(got), expected), r_code


@pytest.mark.parametrize("engine, make", _tensors(), ids=[e for e, _ in _tensors()])
def test_tensor_get_and_set(engine, make):
    x = make(matrix(r_colon(1, 12), 3))
    assert np.array_equal(np.asarray(r_get(x, 2)), [2, 5, 8, 11])
    mask = x > 6
    assert np.array_equal(np.asarray(r_subset(x, mask)), [7, 10, 8, 11, 9, 12])  # row-wise
    changed = r_subset_set(x, 1, 1, value=100)
    assert np.asarray(changed)[0, 0] == 100 and np.asarray(x)[0, 0] == 1
    row = r_get_set(x, 3, c(0, 0, 0, 0))
    assert np.array_equal(np.asarray(row)[2], [0, 0, 0, 0])
    summed = c(1, 2, 3) + r_subset(x, MISSING, 1)
    assert np.array_equal(np.asarray(summed), [2, 4, 6])


# Hypothesis: RVector arithmetic is NumPy's element-wise arithmetic after R's recycling.
numbers_ = st.one_of(st.integers(-50, 50), st.floats(-1e3, 1e3, allow_nan=False))
vectors = st.lists(numbers_, min_size=1, max_size=6)
OPS = {"+": (lambda a, b: a + b, np.add), "-": (lambda a, b: a - b, np.subtract),
       "*": (lambda a, b: a * b, np.multiply), "/": (lambda a, b: a / b, np.true_divide),
       ">": (lambda a, b: a > b, np.greater), "<=": (lambda a, b: a <= b, np.less_equal),
       "==": (lambda a, b: a == b, np.equal)}


def _recycled(a, b):
    n = max(len(a), len(b))
    return (np.array([float(a[i % len(a)]) for i in range(n)]),
            np.array([float(b[i % len(b)]) for i in range(n)]))


@settings(max_examples=150, deadline=None)
@given(vectors, vectors, st.sampled_from(sorted(OPS)))
def test_rvector_arithmetic_matches_numpy(a, b, op):
    ours, theirs = OPS[op]
    got = ours(RVector(a), RVector(b))
    x, y = _recycled(a, b)
    with np.errstate(all="ignore"):
        want = theirs(x, y)
    assert len(got) == len(want)
    np.testing.assert_allclose(np.asarray([float(v) for v in got]), want.astype(float),
                               rtol=1e-12, equal_nan=True)


@settings(max_examples=100, deadline=None)
@given(vectors, st.integers(1, 7).filter(lambda k: k != 0))
def test_rvector_modulo_and_integer_division_match_numpy(a, k):
    got_mod, got_div = RVector(a) % k, RVector(a) // k
    np.testing.assert_allclose([float(v) for v in got_mod], np.mod(np.array(a, float), k))
    np.testing.assert_allclose([float(v) for v in got_div],
                               np.floor_divide(np.array(a, float), k))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-20, 20), min_size=1, max_size=6), st.integers(-3, 3))
def test_integer_vectors_stay_integers(a, k):
    for value in (RVector(a) + k, RVector(a) * k, RVector(a) - k):
        assert all(isinstance(v, int) for v in value)
    assert all(isinstance(v, float) for v in RVector(a) / 1)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(1, 9), min_size=2, max_size=12), st.integers(1, 3))
def test_column_major_recycling_with_arrays(values, rows):
    m = matrix(RVector(values), nrow=rows)
    vec = RVector(range(1, rows + 1))
    flat_r = np.asarray(m).ravel(order="F") * np.resize(np.arange(1, rows + 1), m.size)
    assert np.array_equal((m * vec).ravel(order="F"), flat_r)


def test_named_lists_reach_keras_as_dicts():
    """R's `keras_model(outputs = list(a = ..., b = ...))` with `compile(loss = list(...))`:
    Keras's tree walks an RList as a dict."""
    pytest.importorskip("keras")
    import rstyle_keras as rk
    from rstyle_keras.r.base import runif

    rk.config_set_engine("keras")
    a = rk.keras_input(shape=c(3), name="title")
    b = rk.keras_input(shape=c(2), name="body")
    joined = rk.layer_concatenate(a, b)
    model = rk.keras_model(inputs=[a, b], outputs=rlist(
        priority=joined | rk.layer_dense(units=1, name="priority"),
        department=joined | rk.layer_dense(units=2, name="department")))
    rk.compile(model, optimizer="adam",
               loss=rlist(priority="mse", department="categorical_crossentropy"))
    x = rlist(title=array(runif(12), c(4, 3)), body=array(runif(8), c(4, 2)))
    y = rlist(priority=array(runif(4), c(4, 1)), department=rk.to_categorical(c(0, 1, 1, 0), 2))
    history = rk.fit(model, x, y, epochs=1, verbose=0)
    assert {"loss", "priority_loss", "department_loss"} <= set(history.metrics.names())


def test_named_lists_come_back_from_jax_as_named_lists():
    """R's `ys <- op_map(xs, function(x) list(y1 = x^2)); ys$y1`: what JAX's tree rebuilds
    is an RList again (under the JAX backend)."""
    keras = pytest.importorskip("keras")
    if keras.backend.backend() != "jax":
        pytest.skip("JAX's tree only")
    import rstyle_keras as rk

    rk.config_set_engine("keras")
    xs = rk.op_arange(3.0)
    ys = rk.op_map(xs, lambda x: rlist(y1=x ** 2, y2=x * 10))
    assert isinstance(ys, RList)
    assert np.allclose(np.asarray(ys.y1), [1.0, 4.0, 9.0])


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(-9, 9), min_size=1, max_size=8), st.data())
def test_vector_indexing_properties(values, data):
    v = RVector(values)
    n = len(values)
    positive = data.draw(st.lists(st.integers(1, n), max_size=6))
    assert list(r_subset(v, RVector(positive))) == [values[k - 1] for k in positive]
    negative = data.draw(st.lists(st.integers(1, n), min_size=1, max_size=n))
    assert list(r_subset(v, -RVector(negative))) == [
        x for k, x in enumerate(values, 1) if k not in negative]
    mask = data.draw(st.lists(st.booleans(), min_size=1, max_size=n))
    assert list(r_subset(v, RVector(mask))) == [
        x for k, x in enumerate(values) if mask[k % len(mask)]]
    # assignment then reading gives the value back, and leaves v alone
    k = data.draw(st.integers(1, n + 2))
    changed = r_subset_set(v, k, value=100)
    assert r_get(changed, k) == 100 and list(v) == values


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 4), st.integers(1, 4), st.integers(1, 3), st.data())
def test_array_indexing_is_r_column_major(d1, d2, d3, data):
    n = d1 * d2 * d3
    a = array(r_colon(1, n), c(d1, d2, d3))
    i, j, k = (data.draw(st.integers(1, d)) for d in (d1, d2, d3))
    # R: element [i, j, k] of array(1:n, c(d1, d2, d3)) is the column-major position
    assert r_subset(a, i, j, k) == i + (j - 1) * d1 + (k - 1) * d1 * d2
