"""R's base functions (rstyle_keras.r.base) against the values R gives.

Each row is R code, the Python that translated code runs for it, and R's result written
out from R's documented semantics (not from this package's output). A guard test fails
when a function of `r.base` has no row.
"""

from __future__ import annotations

import math
import os
import re

import numpy as np
import pytest

from rstyle_keras.r import base, graphics
from rstyle_keras.r.base import (
    LETTERS,
    NA,
    Inf,
    apply,
    array,
    as_array,
    as_character,
    as_integer,
    as_numeric,
    c,
    cat,
    dim,
    dim_set,
    head,
    invisible,
    is_na,
    is_null,
    lapply,
    length,
    letters,
    matrix,
    max,
    max_col,
    mean,
    min,
    names,
    names_set,
    nchar,
    ncol,
    nrow,
    paste,
    paste0,
    rep,
    rev,
    rnorm,
    round,
    runif,
    sample,
    sapply,
    seq,
    seq_along,
    seq_len,
    set_seed,
    setNames,
    sprintf,
    stopifnot,
    sum,
    tail,
    tolower,
    toupper,
    vapply,
    which,
    which_max,
    which_min,
)
from rstyle_keras.r.base import print as r_print
from rstyle_keras.r.base import range as r_range
from rstyle_keras.r.base import str as r_str
from rstyle_keras.r.syntax import MISSING, RList, RVector, r_colon, r_subset, rlist

V = RVector


def same(got, want) -> bool:
    """R's identical() for our values: vectors element by element (NaN equal to NaN,
    1 == 1.0), arrays by shape and values, lists recursively."""
    if isinstance(want, np.ndarray):
        got = np.asarray(got)
        return got.shape == want.shape and bool(np.all((got == want) | (
            (got != got) & (want != want)) if got.dtype.kind == "f" else got == want))
    if isinstance(want, RVector):
        if not isinstance(got, RVector) or len(got) != len(want):
            return False
        if (want.names() is None) != (got.names() is None):
            return False
        if want.names() is not None and tuple(want.names()) != tuple(got.names()):
            return False
        return all(same(a, b) for a, b in zip(got, want))
    if isinstance(want, dict):
        return (isinstance(got, dict) and list(got.keys()) == list(want.keys())
                and all(same(got[k], want[k]) for k in want))
    if isinstance(want, list):
        return (isinstance(got, list) and len(got) == len(want)
                and all(same(a, b) for a, b in zip(got, want)))
    if isinstance(want, float) and math.isnan(want):
        return isinstance(got, float) and math.isnan(got)
    if isinstance(want, str):
        return got == want
    if isinstance(want, bool):
        return got is want or got == want and isinstance(got, (bool, np.bool_))
    return type(got) is not str and got == want


A24 = array(r_colon(1, 24), dim=c(2, 3, 4))
M6 = matrix(r_colon(1, 6), nrow=2)

# (function name, R code, Python, R's value)
CASES = [
    ("c", "c(1, c(2, 3), 4:5)", lambda: c(1, c(2, 3), r_colon(4, 5)), V([1, 2, 3, 4, 5])),
    ("c", "c(1, 'a')", lambda: c(1, "a"), V(["1", "a"])),
    ("c", "c(1L, 2.5)", lambda: c(1, 2.5), V([1.0, 2.5])),
    ("c", "c(TRUE, 2L)", lambda: c(True, 2), V([1, 2])),
    ("c", "c(NULL, 3)", lambda: c(None, 3), V([3])),
    ("c", "c(a = 1, b = 2)", lambda: c(a=1, b=2), V([1, 2], ["a", "b"])),
    ("c", "c(list(1), 2)", lambda: c([1], 2), [1, 2]),
    ("c", "c(matrix(1:4, 2))", lambda: c(matrix(r_colon(1, 4), 2)), V([1, 2, 3, 4])),
    ("c", "c()", lambda: c(), None),
    ("array", "array(1:24, dim = c(2, 3, 4))[2, 3, 4]", lambda: r_subset(A24, 2, 3, 4), 24),
    ("array", "array(1:24, dim = c(2, 3, 4))[1, 2, 1]", lambda: r_subset(A24, 1, 2, 1), 3),
    ("array", "array(1:24, dim = c(2, 3, 4))[2, 1, 3]", lambda: r_subset(A24, 2, 1, 3), 14),
    ("array", "array(1:24, c(2, 3, 4))[, , 1]", lambda: r_subset(A24, MISSING, MISSING, 1),
     np.array([[1, 3, 5], [2, 4, 6]])),
    ("array", "array(1:3, c(2, 3))  # recycled", lambda: array(r_colon(1, 3), c(2, 3)),
     np.array([[1, 3, 2], [2, 1, 3]])),
    ("array", "array(0, c(2, 2))", lambda: array(0, c(2, 2)), np.zeros((2, 2), dtype=int)),
    ("array", "array(1:4)", lambda: array(r_colon(1, 4)), np.array([1, 2, 3, 4])),
    ("matrix", "matrix(1:6, nrow = 2)", lambda: matrix(r_colon(1, 6), nrow=2),
     np.array([[1, 3, 5], [2, 4, 6]])),
    ("matrix", "matrix(1:6, ncol = 2)", lambda: matrix(r_colon(1, 6), ncol=2),
     np.array([[1, 4], [2, 5], [3, 6]])),
    ("matrix", "matrix(1:6, 2, byrow = TRUE)", lambda: matrix(r_colon(1, 6), 2, byrow=True),
     np.array([[1, 2, 3], [4, 5, 6]])),
    ("matrix", "matrix(1:3)", lambda: matrix(r_colon(1, 3)), np.array([[1], [2], [3]])),
    ("matrix", "matrix(0, 2, 3)", lambda: matrix(0, 2, 3), np.zeros((2, 3), dtype=int)),
    ("dim", "dim(array(1:24, c(2, 3, 4)))", lambda: dim(A24), V([2, 3, 4])),
    ("dim", "dim(1:3)", lambda: dim(r_colon(1, 3)), None),
    ("nrow", "nrow(matrix(1:6, 2))", lambda: nrow(M6), 2),
    ("nrow", "nrow(1:3)", lambda: nrow(r_colon(1, 3)), None),
    ("ncol", "ncol(matrix(1:6, 2))", lambda: ncol(M6), 3),
    ("length", "length(1:5)", lambda: length(r_colon(1, 5)), 5),
    ("length", "length('abc')", lambda: length("abc"), 1),
    ("length", "length(NULL)", lambda: length(None), 0),
    ("length", "length(matrix(1:6, 2))", lambda: length(M6), 6),
    ("length", "length(list(a = 1, b = 2))", lambda: length(rlist(a=1, b=2)), 2),
    ("dim_set", "x <- 1:6; dim(x) <- c(2, 3); x", lambda: dim_set(r_colon(1, 6), c(2, 3)),
     np.array([[1, 3, 5], [2, 4, 6]])),
    ("dim_set", "dim(m) <- NULL", lambda: dim_set(M6, None), V([1, 2, 3, 4, 5, 6])),
    ("seq", "seq(5)", lambda: seq(5), V([1, 2, 3, 4, 5])),
    ("seq", "seq(2, 5)", lambda: seq(2, 5), V([2, 3, 4, 5])),
    ("seq", "seq(0, 1, by = 0.25)", lambda: seq(0, 1, by=0.25),
     V([0.0, 0.25, 0.5, 0.75, 1.0])),
    ("seq", "seq(1, 10, by = 3)", lambda: seq(1, 10, by=3), V([1, 4, 7, 10])),
    ("seq", "seq(10, 1, by = -4)", lambda: seq(10, 1, by=-4), V([10, 6, 2])),
    ("seq", "seq(0, 1, length.out = 5)", lambda: seq(0, 1, length_out=5),
     V([0.0, 0.25, 0.5, 0.75, 1.0])),
    ("seq", "seq(1, by = 2, length.out = 3)", lambda: seq(1, by=2, length_out=3),
     V([1, 3, 5])),
    ("seq", "seq(c(5, 6, 7))", lambda: seq(c(5, 6, 7)), V([1, 2, 3])),
    ("seq", "seq(length.out = 4)", lambda: seq(length_out=4), V([1, 2, 3, 4])),
    ("seq", "seq(to = 10, by = 2, length.out = 3)", lambda: seq(to=10, by=2, length_out=3),
     V([6, 8, 10])),
    ("seq", "seq(from = 3)", lambda: seq(**{"from": 3}), V([1, 2, 3])),
    ("seq", "seq(2, 11, length.out = 4)", lambda: seq(2, 11, length_out=4), V([2, 5, 8, 11])),
    ("seq_len", "seq_len(4)", lambda: seq_len(4), V([1, 2, 3, 4])),
    ("seq_len", "seq_len(0)", lambda: seq_len(0), V([])),
    ("seq_along", "seq_along(c('a', 'b', 'c'))", lambda: seq_along(c("a", "b", "c")),
     V([1, 2, 3])),
    ("rep", "rep(1:2, times = 3)", lambda: rep(r_colon(1, 2), times=3), V([1, 2, 1, 2, 1, 2])),
    ("rep", "rep(1:2, each = 2)", lambda: rep(r_colon(1, 2), each=2), V([1, 1, 2, 2])),
    ("rep", "rep(1:2, times = c(3, 1))", lambda: rep(r_colon(1, 2), times=c(3, 1)),
     V([1, 1, 1, 2])),
    ("rep", "rep(1:3, length.out = 7)", lambda: rep(r_colon(1, 3), length_out=7),
     V([1, 2, 3, 1, 2, 3, 1])),
    ("rep", "rep('x', 2)", lambda: rep("x", 2), V(["x", "x"])),
    ("rep", "rep(1:2, each = 2, times = 2)", lambda: rep(r_colon(1, 2), times=2, each=2),
     V([1, 1, 2, 2, 1, 1, 2, 2])),
    ("rev", "rev(1:3)", lambda: rev(r_colon(1, 3)), V([3, 2, 1])),
    ("head", "head(1:10, 3)", lambda: head(r_colon(1, 10), 3), V([1, 2, 3])),
    ("head", "head(1:10, -7)", lambda: head(r_colon(1, 10), -7), V([1, 2, 3])),
    ("head", "head(1:3)", lambda: head(r_colon(1, 3)), V([1, 2, 3])),
    ("head", "head(matrix(1:6, 3), 2)", lambda: head(matrix(r_colon(1, 6), 3), 2),
     np.array([[1, 4], [2, 5]])),
    ("head", "head(list(1, 2, 3), 2)", lambda: head([1, 2, 3], 2), [1, 2]),
    ("tail", "tail(1:10, 3)", lambda: tail(r_colon(1, 10), 3), V([8, 9, 10])),
    ("tail", "tail(1:10, -8)", lambda: tail(r_colon(1, 10), -8), V([9, 10])),
    ("tail", "tail(list(a = 1, b = 2), 1)", lambda: tail(rlist(a=1, b=2), 1), rlist(b=2)),
    ("round", "round(2.5)", lambda: round(2.5), 2.0),
    ("round", "round(3.5)", lambda: round(3.5), 4.0),
    ("round", "round(-2.5)", lambda: round(-2.5), -2.0),
    ("round", "round(0.15, 1)", lambda: round(0.15, 1), 0.1),
    ("round", "round(2.675, 2)", lambda: round(2.675, 2), 2.67),
    ("round", "round(3.14159, 3)", lambda: round(3.14159, 3), 3.142),
    ("round", "round(1234.5, -2)", lambda: round(1234.5, -2), 1200.0),
    ("round", "round(c(1.26, NA), 1)", lambda: round(c(1.26, NA), 1), V([1.3, NA])),
    ("round", "round(matrix(c(0.5, 1.5), 1))", lambda: round(matrix(c(0.5, 1.5), 1)),
     np.array([[0.0, 2.0]])),
    ("mean", "mean(c(1, 2, 3, 4))", lambda: mean(c(1, 2, 3, 4)), 2.5),
    ("mean", "mean(c(1, NA))", lambda: mean(c(1, NA)), NA),
    ("mean", "mean(c(1, NA, 3), na.rm = TRUE)", lambda: mean(c(1, NA, 3), na_rm=True), 2.0),
    ("mean", "mean(matrix(1:6, 2))", lambda: mean(M6), 3.5),
    ("mean", "mean(numeric(0))", lambda: mean(V([])), math.nan),
    ("sum", "sum(1:10)", lambda: sum(r_colon(1, 10)), 55),
    ("sum", "sum(1:3, 4)", lambda: sum(r_colon(1, 3), 4), 10),
    ("sum", "sum(c(TRUE, TRUE, FALSE))", lambda: sum(c(True, True, False)), 2),
    ("sum", "sum(c(1, NA), na.rm = TRUE)", lambda: sum(c(1, NA), na_rm=True), 1),
    ("sum", "sum(matrix(1:6, 2))", lambda: sum(M6), 21),
    ("max", "max(c(3, 1, 2))", lambda: max(c(3, 1, 2)), 3),
    ("max", "max(1:3, 10)", lambda: max(r_colon(1, 3), 10), 10),
    ("max", "max(c(1, NA))", lambda: max(c(1, NA)), NA),
    ("max", "max(c('apple', 'pear'))", lambda: max(c("apple", "pear")), "pear"),
    ("max", "max(numeric(0))  # -Inf with a warning", lambda: max(V([])), -Inf),
    ("min", "min(c(3, 1, 2))", lambda: min(c(3, 1, 2)), 1),
    ("min", "min(c(2, NA), na.rm = TRUE)", lambda: min(c(2, NA), na_rm=True), 2),
    ("range", "range(c(3, 1, 2))", lambda: r_range(c(3, 1, 2)), V([1, 3])),
    ("range", "range(c(5, 1), 9)", lambda: r_range(c(5, 1), 9), V([1, 9])),
    ("range", "range(c(2, NA, 5), na.rm = TRUE)", lambda: r_range(c(2, NA, 5), na_rm=True),
     V([2, 5])),
    ("paste", "paste('a', 'b')", lambda: paste("a", "b"), "a b"),
    ("paste", "paste('x', 1:3, sep = '_')", lambda: paste("x", r_colon(1, 3), sep="_"),
     V(["x_1", "x_2", "x_3"])),
    ("paste", "paste(c('a', 'b'), collapse = '+')", lambda: paste(c("a", "b"), collapse="+"),
     "a+b"),
    ("paste", "paste('Epoch', 2, 'loss', 0.25)", lambda: paste("Epoch", 2, "loss", 0.25),
     "Epoch 2 loss 0.25"),
    ("paste", "paste(1/3)", lambda: paste(1 / 3), "0.333333333333333"),
    ("paste", "paste(TRUE, NA)", lambda: paste(True, NA), "TRUE NA"),
    ("paste", "paste('a', NULL, 'b')", lambda: paste("a", None, "b"), "a b"),
    ("paste", "paste(1e5)", lambda: paste(1e5), "1e+05"),
    ("paste0", "paste0('a', 1:3)", lambda: paste0("a", r_colon(1, 3)), V(["a1", "a2", "a3"])),
    ("paste0", "paste0(c('a', 'b'), c('x', 'y', 'z'))",
     lambda: paste0(c("a", "b"), c("x", "y", "z")), V(["ax", "by", "az"])),
    ("paste0", "paste0('model', 1:2, collapse = ',')",
     lambda: paste0("model", r_colon(1, 2), collapse=","), "model1,model2"),
    ("sprintf", "sprintf('%d items', 3)", lambda: sprintf("%d items", 3), "3 items"),
    ("sprintf", "sprintf('%d', 3.0)", lambda: sprintf("%d", 3.0), "3"),
    ("sprintf", "sprintf('%.2f', pi)", lambda: sprintf("%.2f", math.pi), "3.14"),
    ("sprintf", "sprintf('%5.1f%%', 12.345)", lambda: sprintf("%5.1f%%", 12.345), " 12.3%"),
    ("sprintf", "sprintf('%s', 1.5)", lambda: sprintf("%s", 1.5), "1.5"),
    ("sprintf", "sprintf('%s', 1/3)", lambda: sprintf("%s", 1 / 3), "0.333333333333333"),
    ("sprintf", "sprintf('%s is %d', 'x', 1:2)", lambda: sprintf("%s is %d", "x", r_colon(1, 2)),
     V(["x is 1", "x is 2"])),
    ("sprintf", "sprintf('%03d', 7)", lambda: sprintf("%03d", 7), "007"),
    ("sprintf", "sprintf('%e', 12345.6789)", lambda: sprintf("%e", 12345.6789), "1.234568e+04"),
    ("sprintf", "sprintf('%g', 1e-5)", lambda: sprintf("%g", 1e-5), "1e-05"),
    ("sprintf", "sprintf('%2$s %1$s', 'a', 'b')", lambda: sprintf("%2$s %1$s", "a", "b"),
     "b a"),
    ("sprintf", "sprintf('%*d', 5, 42)", lambda: sprintf("%*d", 5, 42), "   42"),
    ("sprintf", "sprintf('%s', TRUE)", lambda: sprintf("%s", True), "TRUE"),
    ("sprintf", "sprintf('%d', NA)", lambda: sprintf("%d", NA), "NA"),
    ("nchar", "nchar(c('a', 'abc'))", lambda: nchar(c("a", "abc")), V([1, 3])),
    ("toupper", "toupper('abc')", lambda: toupper("abc"), "ABC"),
    ("tolower", "tolower(c('A', 'B'))", lambda: tolower(c("A", "B")), V(["a", "b"])),
    ("which", "which(c(FALSE, TRUE, NA, TRUE))", lambda: which(c(False, True, NA, True)),
     V([2, 4])),
    ("which", "which(c(1, 5, 3) > 2)", lambda: which(c(1, 5, 3) > 2), V([2, 3])),
    ("which", "which(matrix(c(TRUE, FALSE, FALSE, TRUE), 2))",
     lambda: which(matrix(c(True, False, False, True), 2)), V([1, 4])),
    ("which_max", "which.max(c(3, 9, 2, 9))", lambda: which_max(c(3, 9, 2, 9)), 2),
    ("which_max", "which.max(c(NA, 1, 2))", lambda: which_max(c(NA, 1, 2)), 3),
    ("which_max", "which.max(c(FALSE, TRUE))", lambda: which_max(c(False, True)), 2),
    ("which_min", "which.min(c(3, 1, 2, 1))", lambda: which_min(c(3, 1, 2, 1)), 2),
    ("max_col", "max.col(matrix(c(1, 9, 5, 2), 2), 'first')",
     lambda: max_col(matrix(c(1, 9, 5, 2), 2), "first"), V([2, 1])),
    ("max_col", "max.col(matrix(c(2, 2), 1), 'last')",
     lambda: max_col(matrix(c(2, 2), 1), "last"), V([2])),
    ("max_col", "max.col(matrix(c(2, 2), 1), 'first')",
     lambda: max_col(matrix(c(2, 2), 1), "first"), V([1])),
    ("max_col", "max.col(rbind(c(.1, .7, .2), c(.8, .1, .1)))",
     lambda: max_col(matrix(c(0.1, 0.8, 0.7, 0.1, 0.2, 0.1), 2)), V([2, 1])),
    ("apply", "apply(matrix(1:6, 2), 1, sum)", lambda: apply(M6, 1, sum), V([9, 12])),
    ("apply", "apply(matrix(1:6, 2), 2, max)", lambda: apply(M6, 2, max), V([2, 4, 6])),
    ("apply", "apply(matrix(1:6, 2), 1, function(r) r * 10)",
     lambda: apply(M6, 1, lambda r: r * 10), np.array([[10, 20], [30, 40], [50, 60]])),
    ("apply", "apply(matrix(1:6, 2), c(1, 2), function(v) v + 1)",
     lambda: apply(M6, c(1, 2), lambda v: v + 1), np.array([[2, 4, 6], [3, 5, 7]])),
    ("apply", "apply(array(1:24, c(2, 3, 4)), 3, sum)", lambda: apply(A24, 3, sum),
     V([21, 57, 93, 129])),
    ("sapply", "sapply(1:3, function(i) i^2)", lambda: sapply(r_colon(1, 3), lambda i: i**2),
     V([1, 4, 9])),
    ("sapply", "sapply(1:3, function(i) c(i, i * 10))",
     lambda: sapply(r_colon(1, 3), lambda i: c(i, i * 10)),
     np.array([[1, 2, 3], [10, 20, 30]])),
    ("sapply", "sapply(c('a', 'bb'), nchar)", lambda: sapply(c("a", "bb"), nchar),
     V([1, 2], ["a", "bb"])),
    ("sapply", "sapply(list(a = 1:3, b = 4:6), mean)",
     lambda: sapply(rlist(a=r_colon(1, 3), b=r_colon(4, 6)), mean), V([2.0, 5.0], ["a", "b"])),
    ("sapply", "sapply(1:2, function(i) seq_len(i))  # ragged: a list",
     lambda: sapply(r_colon(1, 2), seq_len), [V([1]), V([1, 2])]),
    ("lapply", "lapply(1:2, function(i) i * 2)", lambda: lapply(r_colon(1, 2), lambda i: i * 2),
     [2, 4]),
    ("lapply", "lapply(list(a = 1, b = 2), function(v) v + 1)",
     lambda: lapply(rlist(a=1, b=2), lambda v: v + 1), rlist(a=2, b=3)),
    ("vapply", "vapply(1:2, function(i) i / 2, numeric(1))",
     lambda: vapply(r_colon(1, 2), lambda i: i / 2, 0.0), V([0.5, 1.0])),
    ("invisible", "invisible(5)", lambda: invisible(5), 5),
    ("is_null", "is.null(NULL)", lambda: is_null(None), True),
    ("is_null", "is.null(list())", lambda: is_null([]), False),
    ("is_na", "is.na(c(1, NA, 3))", lambda: is_na(c(1, NA, 3)), V([False, True, False])),
    ("as_integer", "as.integer(2.9)", lambda: as_integer(2.9), 2),
    ("as_integer", "as.integer(-2.9)", lambda: as_integer(-2.9), -2),
    ("as_integer", "as.integer(c('3', '4.7'))", lambda: as_integer(c("3", "4.7")), V([3, 4])),
    ("as_integer", "as.integer(TRUE)", lambda: as_integer(True), 1),
    ("as_integer", "as.integer('x')  # NA with a warning", lambda: as_integer("x"), NA),
    ("as_integer", "as.integer(matrix(c(1.5, 2.5), 1))",
     lambda: as_integer(matrix(c(1.5, 2.5), 1)), np.array([1, 2])),
    ("as_array", "as.array(c(1, 2))", lambda: as_array(c(1, 2)), np.array([1.0, 2.0])),
    ("as_array", "as.array(matrix(1:4, 2))", lambda: as_array(matrix(r_colon(1, 4), 2)),
     np.array([[1, 3], [2, 4]])),
    ("as_array", "as.array(op_ones(c(2, 1)))",
     lambda: as_array(__import__("keras").ops.ones((2, 1))), np.ones((2, 1))),
    ("all_equal", "all.equal(c(1, 2), c(1, 2 + 1e-10))",
     lambda: base.all_equal(c(1, 2), c(1, 2 + 1e-10)), True),
    ("all_equal", "all.equal(1, 1.5)", lambda: base.all_equal(1, 1.5),
     "Mean relative difference: 0.5"),
    ("aperm", "aperm(array(1:6, c(2, 3)))", lambda: base.aperm(array(r_colon(1, 6), c(2, 3))),
     np.array([[1, 2], [3, 4], [5, 6]])),
    ("aperm", "dim(aperm(array(1:24, 2:4), c(2, 3, 1)))",
     lambda: base.aperm(array(r_colon(1, 24), c(2, 3, 4)), c(2, 3, 1)).shape, (3, 4, 2)),
    ("as_numeric", "as.numeric('1.5')", lambda: as_numeric("1.5"), 1.5),
    ("as_numeric", "as.numeric(1:2)", lambda: as_numeric(r_colon(1, 2)), V([1.0, 2.0])),
    ("as_numeric", "as.numeric(matrix(1:4, 2))", lambda: as_numeric(matrix(r_colon(1, 4), 2)),
     np.array([1.0, 2.0, 3.0, 4.0])),
    ("as_character", "as.character(c(1, 2.5))", lambda: as_character(c(1, 2.5)),
     V(["1", "2.5"])),
    ("as_character", "as.character(1e6)", lambda: as_character(1e6), "1e+06"),
    ("as_character", "as.character(123456)", lambda: as_character(123456.0), "123456"),
    ("names", "names(list(a = 1, b = 2))", lambda: names(rlist(a=1, b=2)), V(["a", "b"])),
    ("names", "names(c(x = 1))", lambda: names(c(x=1)), V(["x"])),
    ("names", "names(1:3)", lambda: names(r_colon(1, 3)), None),
    ("names_set", "x <- 1:2; names(x) <- c('a', 'b'); x",
     lambda: names_set(r_colon(1, 2), c("a", "b")), V([1, 2], ["a", "b"])),
    ("names_set", "x <- list(1, 2); names(x) <- c('a', 'b'); x",
     lambda: names_set([1, 2], c("a", "b")), rlist(a=1, b=2)),
    ("setNames", "setNames(1:2, c('x', 'y'))", lambda: setNames(r_colon(1, 2), c("x", "y")),
     V([1, 2], ["x", "y"])),
    ("setNames", "setNames(list(1, 2), c('x', 'y'))",
     lambda: setNames([1, 2], c("x", "y")), rlist(x=1, y=2)),
    ("all", "all(c(1, 2) > 0)", lambda: base.all(c(1, 2) > 0), True),
    ("all", "all(logical(0))", lambda: base.all(V([])), True),
    ("all", "all(c(TRUE, NA))", lambda: base.all(c(True, NA)), NA),
    ("all", "all(c(FALSE, NA))", lambda: base.all(c(False, NA)), False),
    ("any", "any(c(FALSE, NA))", lambda: base.any(c(False, NA)), NA),
    ("any", "any(c(FALSE, NA, TRUE))", lambda: base.any(c(False, NA, True)), True),
    ("abs", "abs(c(-1L, 2L))", lambda: base.abs(c(-1, 2)), V([1, 2])),
    ("abs", "abs(-2.5)", lambda: base.abs(-2.5), 2.5),
    ("sqrt", "sqrt(c(4, 9))", lambda: base.sqrt(c(4, 9)), V([2.0, 3.0])),
    ("sqrt", "sqrt(-1)  # NaN with a warning", lambda: base.sqrt(-1), math.nan),
    ("exp", "exp(1)", lambda: base.exp(1), math.e),
    ("log", "log(100, 10)", lambda: base.log(100, 10), 2.0),
    ("log", "log(0)", lambda: base.log(0), -Inf),
    ("floor", "floor(-2.1)", lambda: base.floor(-2.1), -3.0),
    ("ceiling", "ceiling(2.1)", lambda: base.ceiling(2.1), 3.0),
    ("prod", "prod(1:5)", lambda: base.prod(r_colon(1, 5)), 120.0),
    ("cumsum", "cumsum(1:4)", lambda: base.cumsum(r_colon(1, 4)), V([1, 3, 6, 10])),
    ("sort", "sort(c(3, 1, NA, 2))", lambda: base.sort(c(3, 1, NA, 2)), V([1, 2, 3])),
    ("sort", "sort(c(3, 1, 2), decreasing = TRUE)",
     lambda: base.sort(c(3, 1, 2), decreasing=True), V([3, 2, 1])),
    ("unique", "unique(c(2, 1, 2, 3))", lambda: base.unique(c(2, 1, 2, 3)), V([2, 1, 3])),
    ("numeric", "numeric(2)", lambda: base.numeric(2), V([0.0, 0.0])),
    ("integer", "integer(2)", lambda: base.integer(2), V([0, 0])),
    ("character", "character(1)", lambda: base.character(1), V([""])),
    ("logical", "logical(2)", lambda: base.logical(2), V([False, False])),
    ("ifelse", "ifelse(c(1, 5, 3) > 2, 'big', 'small')",
     lambda: base.ifelse(c(1, 5, 3) > 2, "big", "small"), V(["small", "big", "big"])),
    ("ifelse", "ifelse(c(TRUE, NA, FALSE), 1, 0)", lambda: base.ifelse(c(True, NA, False), 1, 0),
     V([1, NA, 0])),
    ("ifelse", "ifelse(matrix(1:4, 2) > 2, 1, 0)",
     lambda: base.ifelse(matrix(r_colon(1, 4), 2) > 2, 1, 0), np.array([[0, 1], [0, 1]])),
    ("t", "t(matrix(1:6, 2))", lambda: base.t(M6), np.array([[1, 2], [3, 4], [5, 6]])),
    ("t", "t(1:3)", lambda: base.t(r_colon(1, 3)), np.array([[1, 2, 3]])),
    ("rbind", "rbind(1:2, 3:4)", lambda: base.rbind(r_colon(1, 2), r_colon(3, 4)),
     np.array([[1, 2], [3, 4]])),
    ("rbind", "rbind(1:3, 1)", lambda: base.rbind(r_colon(1, 3), 1),
     np.array([[1, 2, 3], [1, 1, 1]])),
    ("cbind", "cbind(1:2, 3:4)", lambda: base.cbind(r_colon(1, 2), r_colon(3, 4)),
     np.array([[1, 3], [2, 4]])),
    ("rowSums", "rowSums(matrix(1:6, 2))", lambda: base.rowSums(M6), V([9.0, 12.0])),
    ("rowMeans", "rowMeans(matrix(1:6, 2))", lambda: base.rowMeans(M6), V([3.0, 4.0])),
    ("colSums", "colSums(matrix(1:6, 2))", lambda: base.colSums(M6), V([3.0, 7.0, 11.0])),
    ("colMeans", "colMeans(matrix(1:6, 2))", lambda: base.colMeans(M6), V([1.5, 3.5, 5.5])),
    ("do_call", "do.call(sum, list(1, 2, 3))", lambda: base.do_call(sum, [1, 2, 3]), 6),
    ("do_call", "do.call('paste', list('a', 'b', sep = '-'))",
     lambda: base.do_call("paste", rlist("a", "b", sep="-")), "a-b"),
    ("Reduce", "Reduce(`+`, 1:4)", lambda: base.Reduce(lambda a, b: a + b, r_colon(1, 4)), 10),
    ("Reduce", "Reduce(`+`, 1:4, accumulate = TRUE)",
     lambda: base.Reduce(lambda a, b: a + b, r_colon(1, 4), accumulate=True), V([1, 3, 6, 10])),
    ("Filter", "Filter(function(v) v > 1, 1:3)",
     lambda: base.Filter(lambda v: v > 1, r_colon(1, 3)), V([2, 3])),
    ("Map", "Map(function(a, b) a * b, 1:3, 4:6)",
     lambda: base.Map(lambda a, b: a * b, r_colon(1, 3), r_colon(4, 6)), [4, 10, 18]),
    ("file_path", "file.path('data', 'x.npz')", lambda: base.file_path("data", "x.npz"),
     "data/x.npz"),
    ("c", "c(-0, 1 + 3i)", lambda: c(-0.0, 1 + 3j), V([complex(-0.0), 1 + 3j])),
    ("isTRUE", "isTRUE(c(TRUE, TRUE))", lambda: base.isTRUE(c(True, True)), False),
    ("isTRUE", "isTRUE(TRUE)", lambda: base.isTRUE(True), True),
    ("isTRUE", "isTRUE(NA)", lambda: base.isTRUE(NA), False),
    ("isFALSE", "isFALSE(FALSE)", lambda: base.isFALSE(False), True),
    ("isFALSE", "isFALSE(0)", lambda: base.isFALSE(0), False),
    ("basename", "basename(c('a/b.txt', 'c/d/'))", lambda: base.basename(c("a/b.txt", "c/d/")),
     V(["b.txt", "d"])),
    ("file_exists", "file.exists(c(tempdir(), 'no/such/file'))",
     lambda: base.file_exists(c(base.tempdir(), "no/such/file")), V([True, False])),
    ("tempdir", "dir.exists(tempdir())", lambda: os.path.isdir(base.tempdir()), True),
    ("tempfile", "dirname(tempfile(fileext = '.h5')) == tempdir()",
     lambda: os.path.dirname(base.tempfile(fileext=".h5")) == base.tempdir(), True),
    ("tempfile", "length(unique(tempfile(c('a', 'a'))))",
     lambda: len(set(base.tempfile(c("a", "a")))), 2),
    ("unlist", "unlist(list(1, list(2, 3)))", lambda: base.unlist([1, [2, 3]]), V([1, 2, 3])),
    ("unlist", "unlist(list(a = 1, b = list(c = 2, d = 3)))",
     lambda: base.unlist(rlist(a=1, b=rlist(c=2, d=3))), V([1, 2, 3], ["a", "b.c", "b.d"])),
    ("unlist", "unlist(list(a = 1:2))", lambda: base.unlist(rlist(a=r_colon(1, 2))),
     V([1, 2], ["a1", "a2"])),
    ("order", "order(c(3, 1, 2))", lambda: base.order(c(3, 1, 2)), V([2, 3, 1])),
    ("order", "order(c(2, NA, 1))", lambda: base.order(c(2, NA, 1)), V([3, 1, 2])),
    ("identical", "identical(c(1, 2), c(1, 2))", lambda: base.identical(c(1, 2), c(1, 2)), True),
    ("identical", "identical(1L, 1)  # integer vs double", lambda: base.identical(1, 1.0), False),
    ("vector", "vector('list', 2)", lambda: base.vector("list", 2), [None, None]),
    ("vector", "vector('numeric', 2)", lambda: base.vector("numeric", 2), V([0.0, 0.0])),
    ("append", "append(1:3, 99, after = 1)", lambda: base.append(r_colon(1, 3), 99, after=1),
     V([1, 99, 2, 3])),
    ("gsub", "gsub('a', 'o', c('banana', 'apple'))",
     lambda: base.gsub("a", "o", c("banana", "apple")), V(["bonono", "opple"])),
    ("gsub", "gsub('(\\w+)@', '\\1 at ', 'me@x')",
     lambda: base.gsub(r"(\w+)@", r"\1 at ", "me@x"), "me at x"),
    ("gsub", "gsub('.', '-', 'a.b', fixed = TRUE)", lambda: base.gsub(".", "-", "a.b", fixed=True),
     "a-b"),
    ("sub", "sub('a', 'o', 'banana')", lambda: base.sub("a", "o", "banana"), "bonana"),
    ("grepl", "grepl('an', c('banana', 'kiwi'))", lambda: base.grepl("an", c("banana", "kiwi")),
     V([True, False])),
    ("grepl", "grepl('A', 'abc', ignore.case = TRUE)",
     lambda: base.grepl("A", "abc", ignore_case=True), V([True])),
    ("strsplit", "strsplit('a,b,,c', ',')", lambda: base.strsplit("a,b,,c", ","),
     [V(["a", "b", "", "c"])]),
    ("strsplit", "strsplit(c('ab', 'c'), '')", lambda: base.strsplit(c("ab", "c"), ""),
     [V(["a", "b"]), V(["c"])]),
    ("substr", "substr('keras', 2, 4)", lambda: base.substr("keras", 2, 4), "era"),
    ("trimws", "trimws('  a  ')", lambda: base.trimws("  a  "), "a"),
    ("length_set", "x <- 1:3; length(x) <- 5; x", lambda: base.length_set(r_colon(1, 3), 5),
     V([1, 2, 3, NA, NA])),
    ("length_set", "length(l) <- 1 on list(1, 2)", lambda: base.length_set([1, 2], 1), [1]),
    ("is_numeric", "is.numeric(1:2)", lambda: base.is_numeric(r_colon(1, 2)), True),
    ("is_numeric", "is.numeric(TRUE)", lambda: base.is_numeric(True), False),
    ("is_numeric", "is.numeric('1')", lambda: base.is_numeric("1"), False),
    ("is_numeric", "is.numeric(matrix(0.5, 2, 2))", lambda: base.is_numeric(matrix(0.5, 2, 2)),
     True),
    ("is_character", "is.character(c('a', 'b'))", lambda: base.is_character(c("a", "b")), True),
    ("is_character", "is.character(1)", lambda: base.is_character(1), False),
    ("is_list", "is.list(list(1))", lambda: base.is_list([1]), True),
    ("is_list", "is.list(c(1, 2))", lambda: base.is_list(c(1, 2)), False),
    ("is_function", "is.function(sum)", lambda: base.is_function(sum), True),
    ("letters", "letters[1:3]", lambda: r_subset(letters, r_colon(1, 3)), V(["a", "b", "c"])),
    ("LETTERS", "LETTERS[26]", lambda: r_subset(LETTERS, 26), V(["Z"])),
]


@pytest.mark.parametrize("name, r_code, python, expected", CASES,
                         ids=[f"{n}: {code}" for n, code, _, _ in CASES])
def test_base_function_gives_r_value(name, r_code, python, expected):
    got = python()
    if expected is NA:
        assert got is NA or (isinstance(got, float) and math.isnan(got)), (r_code, got)
    elif expected is None:
        assert got is None, (r_code, got)
    else:
        assert same(got, expected), f"{r_code}: R gives {expected!r}, received {got!r}"


# Printing: R's console output, character for character.
PRINTS = [
    ("print(c(1.5, 2, 3.25))", c(1.5, 2, 3.25), "[1] 1.50 2.00 3.25"),
    ("print(1:3)", r_colon(1, 3), "[1] 1 2 3"),
    ("print(c(1, 2+3i, -1.5-0.25i))", c(1, 2 + 3j, -1.5 - 0.25j),
     "[1]  1.0+0.00i  2.0+3.00i -1.5-0.25i"),
    ("print(1:20)", r_colon(1, 20),
     " [1]  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20"),
    ("print(1:30)", r_colon(1, 30),
     " [1]  1  2  3  4  5  6  7  8  9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25\n"
     "[26] 26 27 28 29 30"),
    ("print(101:130)", r_colon(101, 130),
     " [1] 101 102 103 104 105 106 107 108 109 110 111 112 113 114 115 116 117 118 119\n"
     "[20] 120 121 122 123 124 125 126 127 128 129 130"),
    ("print(1/3)", 1 / 3, "[1] 0.3333333"),
    ("print(pi * 1e6)", math.pi * 1e6, "[1] 3141593"),
    ("print(100000)", 100000.0, "[1] 1e+05"),
    ("print(123456)", 123456.0, "[1] 123456"),
    ("print(1e-10)", 1e-10, "[1] 1e-10"),
    ("print(c(1e-10, 1.5e-10))", c(1e-10, 1.5e-10), "[1] 1.0e-10 1.5e-10"),
    ("print(0.1 + 0.2)", 0.1 + 0.2, "[1] 0.3"),
    ("print(c(-1, 2.5))", c(-1, 2.5), "[1] -1.0  2.5"),
    ("print(c(1, NA, 3))", c(1, NA, 3), "[1]  1 NA  3"),
    ("print(c(1.5, NA))", c(1.5, NA), "[1] 1.5  NA"),
    ("print(c(Inf, -Inf, NaN))", c(Inf, -Inf, math.nan), "[1]  Inf -Inf  NaN"),
    ("print(TRUE)", True, "[1] TRUE"),
    ("print(c(TRUE, FALSE, NA))", c(True, False, NA), "[1]  TRUE FALSE    NA"),
    ("print('a')", "a", '[1] "a"'),
    ('print(c("a", "bbb"))', c("a", "bbb"), '[1] "a"   "bbb"'),
    ("print(NULL)", None, "NULL"),
    ("print(c(a = 1, b = 2))", c(a=1, b=2), "a b \n1 2 "),
    ("print(c(alpha = 1.5, b = 2))", c(alpha=1.5, b=2), "alpha     b \n  1.5   2.0 "),
    ("print(matrix(1:6, 2))", M6,
     "     [,1] [,2] [,3]\n[1,]    1    3    5\n[2,]    2    4    6"),
    ("print(matrix(c(1, 2.5, 3, 4), 2))", matrix(c(1, 2.5, 3, 4), 2),
     "     [,1] [,2]\n[1,]  1.0    3\n[2,]  2.5    4"),
    ("print(array(1:8, c(2, 2, 2)))", array(r_colon(1, 8), c(2, 2, 2)),
     ", , 1\n\n     [,1] [,2]\n[1,]    1    3\n[2,]    2    4\n\n"
     ", , 2\n\n     [,1] [,2]\n[1,]    5    7\n[2,]    6    8\n"),
    ("print(list(1, 'a'))", [1, "a"], '[[1]]\n[1] 1\n\n[[2]]\n[1] "a"\n'),
    ("print(list(a = 1, b = 'x'))", rlist(a=1, b="x"), '$a\n[1] 1\n\n$b\n[1] "x"\n'),
    ("print(list(a = list(b = 1)))", rlist(a=rlist(b=1)), "$a\n$a$b\n[1] 1\n\n"),
    ("print(list())", [], "list()"),
    ("print(c('a', 'b'), quote = FALSE)", c("a", "b"), "[1] a b"),
    ("print(1:3 * 2L)", r_colon(1, 3) * 2, "[1] 2 4 6"),
    ("print(matrix(c(1.5, 22, 3, 4), 2))  # columns laid out on their own",
     matrix(c(1.5, 22, 3, 4), 2), "     [,1] [,2]\n[1,]  1.5    3\n[2,] 22.0    4"),
]


@pytest.mark.parametrize("r_code, value, output", PRINTS, ids=[p[0] for p in PRINTS])
def test_print_writes_what_r_writes(r_code, value, output, capsys):
    assert r_print(value, quote="quote = FALSE" not in r_code) is value
    assert capsys.readouterr().out == output + "\n", r_code


CATS = [
    ('cat("Test accuracy:", 0.98765432, "\\n")', ("Test accuracy:", 0.98765432, "\n"), {},
     "Test accuracy: 0.9876543 \n"),
    ("cat(1/3)", (1 / 3,), {}, "0.3333333"),
    ("cat(1e5, 123456)", (1e5, 123456.0), {}, "1e+05 123456"),
    ("cat(c(1.5, 2, 3.25))  # each number on its own", (c(1.5, 2, 3.25),), {}, "1.5 2 3.25"),
    ('cat(1:3, sep = ", ")', (r_colon(1, 3),), {"sep": ", "}, "1, 2, 3"),
    ('cat("a", "b", sep = "")', ("a", "b"), {"sep": ""}, "ab"),
    ("cat(TRUE, NULL, NA)", (True, None, NA), {}, "TRUE NA"),
    ("cat(matrix(1:4, 2))", (matrix(r_colon(1, 4), 2),), {}, "1 2 3 4"),
    ('cat(list(1, "a"))', ([1, "a"],), {}, "1 a"),
]


@pytest.mark.parametrize("r_code, args, kwargs, output", CATS, ids=[x[0] for x in CATS])
def test_cat_writes_what_r_writes(r_code, args, kwargs, output, capsys):
    assert cat(*args, **kwargs) is None
    assert capsys.readouterr().out == output, r_code


STRS = [
    ("str(c(1.5, 2, 3))", c(1.5, 2, 3), " num [1:3] 1.5 2 3"),
    ("str(3.14159)", 3.14159, " num 3.14"),
    ("str(1:20)", r_colon(1, 20), " int [1:20] 1 2 3 4 5 6 7 8 9 10 ..."),
    ('str("a")', "a", ' chr "a"'),
    ("str(letters)", letters, ' chr [1:26] "a" "b" "c" "d" ...'),
    ("str(TRUE)", True, " logi TRUE"),
    # reticulate gives R a NumPy int64 as a double (R's integers are 32-bit): Keras's
    # get_vocabulary() of an IntegerLookup shows `num 42` on R keras3's page
    ("str(list(-1L, np$int64(42), np$int32(3)))", [-1, np.int64(42), np.int32(3)],
     "List of 3\n $ : int -1\n $ : num 42\n $ : int 3"),
    ("str(NULL)", None, " NULL"),
    ("str(matrix(1:6, 2))", M6, " int [1:2, 1:3] 1 2 3 4 5 6"),
    ("str(list(a = 1.5, b = 'x'))", rlist(a=1.5, b="x"),
     'List of 2\n $ a: num 1.5\n $ b: chr "x"'),
    ("str(list(a = list(b = 1.5)))", rlist(a=rlist(b=1.5)),
     "List of 1\n $ a:List of 1\n  ..$ b: num 1.5"),
    ("str(list(1.5, 'x'))", [1.5, "x"], 'List of 2\n $ : num 1.5\n $ : chr "x"'),
    ("str(list(a = 1.5, bcd = 2.5))", rlist(a=1.5, bcd=2.5),
     "List of 2\n $ a  : num 1.5\n $ bcd: num 2.5"),
]


@pytest.mark.parametrize("r_code, value, output", STRS, ids=[x[0] for x in STRS])
def test_str_writes_what_r_writes(r_code, value, output, capsys):
    assert r_str(value) is None
    assert capsys.readouterr().out == output + "\n", r_code


def test_print_of_a_keras_model_is_its_summary(capsys):
    pytest.importorskip("keras")
    import rstyle_keras as rk

    rk.config_set_engine("keras")
    model = rk.keras_model_sequential(input_shape=c(3)) | rk.layer_dense(units=2)
    assert r_print(model) is model
    out = capsys.readouterr().out
    assert "Total params: 8" in out and "Dense" in out


def test_print_of_a_shape_is_r_keras3s(capsys):
    import rstyle_keras as rk

    r_print(rk.shape(None, 28, 28))
    assert capsys.readouterr().out == "shape(NA, 28, 28)\n"  # R keras3's format


def test_print_of_a_tensor_is_its_repr(capsys):
    import rstyle_keras as rk

    t = rk.op_array(c(1.0, 2.0))
    r_print(t)
    assert capsys.readouterr().out == repr(t) + "\n"


def test_random_functions_follow_set_seed():
    set_seed(42)
    a = (runif(5), rnorm(5), sample(10))
    set_seed(42)
    b = (runif(5), rnorm(5), sample(10))
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1]) and a[2] == b[2]
    assert sorted(a[2]) == list(range(1, 11))
    assert a[0].shape == (5,) and ((a[0] >= 0) & (a[0] < 1)).all()
    assert runif(c(1, 2, 3)).shape == (3,)  # R: length(n) values when n is a vector
    lo_hi = runif(1000, min=2, max=3)
    assert lo_hi.min() >= 2 and lo_hi.max() < 3
    draws = sample(c(5, 6), 50, replace=True)
    assert set(draws) <= {5, 6} and len(draws) == 50
    assert set(sample(c(7, 8, 9), prob=c(0, 0, 1), size=1)) == {9}
    with pytest.raises(ValueError, match="larger than the population"):
        sample(3, 5)


def test_max_col_random_ties_pick_among_the_tied_columns():
    set_seed(1)
    picks = {int(max_col(matrix(c(1, 1, 0), 1))[0]) for _ in range(60)}
    assert picks == {1, 2}


def test_stopifnot_messages():
    assert stopifnot(True, c(1, 2) > 0, np.array([True])) is None
    with pytest.raises(AssertionError, match="^argument 2 is not TRUE$"):
        stopifnot(True, False)
    with pytest.raises(AssertionError, match="^argument 1 are not all TRUE$"):
        stopifnot(c(1, -1) > 0)
    with pytest.raises(AssertionError, match="^argument 1 is not TRUE$"):
        stopifnot(NA)
    with pytest.raises(AssertionError, match="^x must be positive$"):
        stopifnot(**{"x must be positive": c(-1) > 0})


def test_message_stop_and_warning(capsys):
    base.message("Epochs: ", 5)
    assert capsys.readouterr().err == "Epochs: 5\n"
    with pytest.raises(base.RError, match="^x must be positive$"):
        base.stop("x must be ", "positive")
    with pytest.warns(UserWarning, match="^careful 1$"):
        base.warning("careful ", 1)


ERRORS = [
    ("sprintf('%d', 1.5)", lambda: sprintf("%d", 1.5), ValueError, "use format %f"),
    ("seq(1, 10, by = -1)", lambda: seq(1, 10, by=-1), ValueError, "wrong sign in 'by'"),
    ("rep(1:3, times = c(1, 2))", lambda: rep(r_colon(1, 3), times=c(1, 2)), ValueError,
     "invalid 'times'"),
    ("dim(x) <- c(4, 4) on 1:6", lambda: dim_set(r_colon(1, 6), c(4, 4)), ValueError,
     r"dims \[product 16\] do not match the length of object \[6\]"),
    ("sum('a')", lambda: sum("a"), TypeError, "invalid 'type' \\(character\\)"),
    ("apply(m, 3, sum) on a matrix", lambda: apply(M6, 3, sum), ValueError,
     "'MARGIN' does not match dim"),
    ("vapply(1:2, function(i) c(i, i), numeric(1))",
     lambda: vapply(r_colon(1, 2), lambda i: c(i, i), 0.0), ValueError, "values must be length 1"),
    ("max.col(m, 'middle')", lambda: max_col(M6, "middle"), ValueError, "ties_method"),
    ("seq_len(-1)", lambda: seq_len(-1), ValueError, "non-negative"),
    ("round('a')", lambda: round("a"), TypeError, "non-numeric argument"),
]


@pytest.mark.parametrize("r_code, python, error, message", ERRORS, ids=[e[0] for e in ERRORS])
def test_errors_say_what_r_says(r_code, python, error, message):
    with pytest.raises(error, match=message):
        python()


def test_every_base_function_has_a_row():
    covered = ({name for name, *_ in CASES} | {"print", "cat", "str", "runif", "rnorm",
               "sample", "set_seed", "stopifnot", "range", "message", "stop", "warning"})
    constants = {"NA", "Inf", "NaN", "pi", "MISSING", "r_colon", "r_subset", "rlist", "RError"}
    functions = set(base.__all__) - constants - set(graphics.__all__)  # test_r_graphics.py
    assert functions - covered == set()


def test_constants():
    assert base.NA is NA and math.isnan(NA)
    assert base.Inf == math.inf and math.isnan(base.NaN) and base.pi == math.pi
    assert len(letters) == 26 and LETTERS[0] == "A"


def test_names_shadow_builtins_only_in_r_base():
    import rstyle_keras

    for name in ("print", "sum", "max", "min", "round", "range", "str", "length", "paste"):
        assert name not in rstyle_keras.__all__
        assert name in base.__all__


def test_values_are_r_vectors_for_rstyle_keras_arguments():
    import rstyle_keras as rk

    # an RVector is a tuple: every converter of the package takes it as R's c()
    x = rk.op_reshape(rk.op_array(r_colon(1, 6)), c(3, 2))
    assert tuple(x.shape) == (3, 2)
    pooled = rk.op_reshape(x, c(1, 3, 2, 1)) | rk.layer_max_pooling_2d(
        pool_size=c(1, 2), strides=c(1.0, 1.0))
    assert tuple(pooled.shape) == (1, 3, 1, 1)
    assert re.fullmatch(r"c\(3, 2\)", repr(c(3, 2)))
    assert isinstance(rlist(a=1), RList) and isinstance(rlist(a=1), dict)
