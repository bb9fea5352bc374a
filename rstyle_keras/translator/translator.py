"""R's AST -> Python source that keeps each statement on its R line.

The rules (`tests/test_translate.py` has one test per rule, with its exact text):

* Assignment: `<-`, `=`, `->` are `=` (`a <- b <- 1` is `a = b = 1`); `<<-` declares the
  name `global` (`nonlocal` in a nested function) on the line of its statement; inside an
  expression, `(x <- v)` is `(x := v)`. `c(a, b) %<-% v` is `a, b = v` (nested `c()`
  nest, `.` is `_`). `x$a <- v` is `x.a = v`; `x[[i]] <- v` is `x = r_get_set(x, i, v)`,
  `x[i] <- v` is `x = r_subset_set(x, i, value=v)`, `f(x) <- v` is `x = f_set(x, v)`.
* `library(keras3)` / `library(keras)` is the import line (`IMPORTS`); a script without
  one gets it on its first line. `library(tensorflow)`, `library(reticulate)` and base R's
  packages are dropped (what R keras3 re-exports of them is in rstyle_keras); any other
  package is an error, as is `pkg::f` for such a package (`keras3::f` is `f`).
* Pipes: `x |> f(a, b = 2)` is `x | f(<a named>, b=2)` when the package's `f` composes
  (a `layer_*()` function, a verb of `r/verb_table.py`, or a function whose first
  parameter is `object`/`model` with default None), its positional arguments named from
  its R signature (`inspect.signature`, read once per name); otherwise (including a
  function the script defines) `f(x, a, b=2)`. `%>%` likewise, with magrittr's `.`: as an
  argument it receives the left side (`x %>% f(y, .)` is `f(y, x)`), only nested it also
  goes first (`f(x, g(x))`); `x %>% f`, `x %>% {...}`, `x %>% .$a`, and `|>`'s `_`
  (`f(y = _)`, `_$a[[1]]`) too.
* Values: `c()` stays `c()`; `list()` is `[...]`, or `rlist(...)` when any element is
  named or there is none (`l <- list(); l$b <- 1` works); `NULL`/`TRUE`/`FALSE`/`T`/`F`
  are `None`/`True`/`False`; `NA`, `Inf`, `NaN` stay (the R base module defines them);
  `1L` is `1`, `0x10` is `16`; strings are Python literals (R's escapes decoded, raw
  strings included); `a:b` is `r_colon(a, b)`.
* Numbers: R's numeric literals are doubles, `1L` an integer. A whole double stays as
  written (`units = 8` is `units=8`, `epochs <- 5` is `epochs = 5`: rstyle_keras takes
  whole floats and ints alike), and its type comes back where it shows: `c()` and
  `list()` take a bare Python int as R's double (`c(1, 2)` is double, as is
  `list(a = 1)$a`), and `1L` inside them is `RInteger(1)`; the data of R's constructors
  (`op_array(5)`, `op_convert_to_tensor()`, `array(0, ...)`, `matrix()`, `rep()`,
  `op_full()`'s and `op_full_like()`'s fill value, `op_arange()`'s bounds) is a float
  (`op_array(5.0)`: float32, as in R); a round literal of six digits or more is a float
  (`100000.0`: R prints `1e+05`). Elsewhere a whole literal is Python's int:
  `x <- 5; str(x)` says `int 5` where R says `num 5`, and `op_add(int_tensor, 2)` keeps
  the int dtype where R's gives float; write `2.0` (or `c(2)`) in the R source where
  that matters.
* Indexing: `x$a` is `x.a`; `x[[1]]` (a positive literal) is `x[0]`, `x[["a"]]` is
  `x["a"]`, any other `x[[i]]` is `r_get(x, i)`; `x[i, j]` is `r_subset(x, i, j)` with an
  empty index as `MISSING` and `drop=` kept. R keras3's tensor accessors: `x@r[i, a:b]`
  is `op_subset(x, i, slice(a, b))` (empty: `slice(None)`, `..`: `...`, `NA`: None) and
  `x@r[...] <- v` `op_subset_set(x, ..., value=v)`; `x@py[...]` is Python's `x[...]`.
* Operators: `^` `**`, `%%` `%`, `%/%` `//`, `%*%` `@`, `%in%` `r_in()`, `&&` `and`,
  `||` `or`, `%||%` `a if a is not None else b`, `&` and `|` stay, comparisons stay
  (parenthesized: they do not chain in R), `!x` is `not x` in a condition (`if`,
  `while`, `&&`, `||`) and `r_not(x)` elsewhere. Parentheses are added where Python's
  precedence differs from R's (`a & b == c`).
* Functions: `f <- function(x, y = 2) ...` is `def f(x, y=2):` with the last value
  returned; a function literal elsewhere is a `lambda` when its body is one expression,
  else a `def _fn` (or `_<argument name>`) put just before its statement; `...` is
  `*args, **kwargs`; functions given to R keras3's class constructors (`Layer()`,
  `new_layer_class()`, ...) get R's implicit `self` first. `return(x)` is `return x`.
* `rm(a, b)` is `del a, b`. A name the script assigned a layer or a model (from
  `layer_*()`, `application_*()`, `keras_model*()`, `load_model()`, ...) called in a pipe
  with no arguments is piped as it is (`x |> base_model()` is `x | base_model`: a
  Sequential model adds it, as R keras3 does).
* Control flow: `if`/`else` (`elif` for `else if`; `a if c else b` as a value, or when all
  of it is on one line with expressions), `for` (`for v in r_iter(x):`, R's walk: the
  values of a named list, none for NULL; `a:b`, `seq_len()`, `seq_along()` as they are),
  `while`, `repeat` (`while True:`),
  `break`, `next` (`continue`); `y <- if (c) {...} else {...}` assigns in each branch.
  tensorflow's `with(ctx %as% name, {...})` is Python's `with ctx as name:`.
* Names: a value named as a function of the package (or R's base) that the script calls
  gets a `_` (R looks a called name up among functions: `c <- x[1]; c(c, 2)` is
  `c_ = ...; c(c_, 2)`; `layer <- layer_dense(...); layer(x)` keeps `layer`); dots become
  underscores (`set.seed` is `set_seed`, `my.var` is `my_var`; two R names that meet in
  Python are an error), Python keywords get `_` (`from_`), backticked
  names must be Python names once so mapped.
* Statements that install software (`install.packages()`, `install_keras()`,
  `remotes::install_github()`) are dropped: installing is pip's job in Python.
* Not supported, each an error `FILE:LINE:COLUMN: ...`: formulas (`~`), S4's `@` (but
  `@r[`/`@py[`), `?`,
  other packages, `%op%` operators but those above, environments and language objects
  (`environment()`, `eval()`, `quote()`, ...), R's class systems (`setClass`, `R6Class`),
  `:=`. (Complex literals are Python's: `1 + 3i` is `1 + 3j`.)

Layout: every Python statement starts on the line of its R statement; a multi-line R
expression stays multi-line (inside parentheses where Python needs them); comments stay
on their lines, blank lines too. Where Python needs a line R does not have, the statement
goes down a line and the next blank line takes the difference back:
`for (i in x) if (a) b` (two compound statements), a script whose first statement is
compound (the import line comes first). A function literal of several statements passed
as an argument is a `def` on its own R lines; its statement then starts on the line of
the function's closing brace (what came before it on earlier lines joins it there, and
those lines keep only their comments); a one-line `def` takes the line above if it is
free. `Translation.origin` holds the R line of each Python line, so that `run` compiles
with R's line numbers even where lines moved.

    >>> print(translate('x <- c(1, 2)  # a vector\\ny <- x[[1]]^2 %% 3'))
    from rstyle_keras import *; from rstyle_keras.r.base import *; \
from rstyle_keras.r.syntax import *; x = c(1, 2)  # a vector
    y = x[0] ** 2 % 3
    <BLANKLINE>
"""

from __future__ import annotations

import ast
import functools
import inspect
import keyword
from dataclasses import dataclass, field

from .errors import TranslationError
from .parser import (
    Arg,
    Assign,
    Binary,
    Block,
    Break,
    Call,
    Const,
    Dollar,
    For,
    Formula,
    Function,
    Help,
    If,
    Index,
    Name,
    Namespace,
    Next,
    Node,
    Num,
    Paren,
    Program,
    Repeat,
    Str,
    Unary,
    While,
    parse,
)

IMPORTS = ("from rstyle_keras import *; from rstyle_keras.r.base import *; "
           "from rstyle_keras.r.syntax import *")
KERAS_PACKAGES = {"keras3", "keras"}
# Packages whose R functions R keras3 re-exports (or that base R is): library() is dropped.
QUIET_PACKAGES = {"tensorflow", "reticulate", "base", "stats", "utils", "methods",
                  "graphics", "grDevices"}
NAMESPACES = KERAS_PACKAGES | QUIET_PACKAGES
# Statements that install software (pip's job in Python): dropped from the translation.
INSTALLS = {"install.packages", "install_keras", "install_github", "install_cran",
            "install_version"}
INSTALL_PACKAGES = {"utils", "keras3", "keras", "remotes", "devtools"}
# R functions of environments, language objects and S4/R5/R6 classes: not translatable.
UNSUPPORTED = {
    "environment", "new.env", "local", "eval", "evalq", "parse", "quote", "bquote",
    "substitute", "deparse", "sys.call", "sys.function", "match.call", "on.exit", "assign",
    "get", "get0", "exists", "setClass", "setGeneric", "setMethod", "setRefClass", "new",
    "UseMethod", "NextMethod", "R6Class", "Recall", "body", "formals", "as.formula",
    "within", "attach",
}
# R's class constructors whose methods get R's implicit `self` as their first parameter.
CLASS_CONSTRUCTORS = {
    "Callback", "Constraint", "Layer", "LearningRateSchedule", "Loss", "Metric", "Model",
    "new_callback_class", "new_layer_class", "new_learning_rate_schedule_class",
    "new_loss_class", "new_metric_class", "new_model_class", "new_py_class",
}
CONSTANTS = {"TRUE": "True", "FALSE": "False", "NULL": "None", "NA": "NA", "Inf": "Inf",
             "NaN": "NaN", "NA_integer_": "NA", "NA_real_": "NA", "NA_character_": "NA"}
# R operator -> (Python operator, Python precedence)
BINARY = {"+": ("+", 10), "-": ("-", 10), "*": ("*", 11), "/": ("/", 11),
          "^": ("**", 13), "%%": ("%", 11), "%/%": ("//", 11), "%*%": ("@", 11),
          "==": ("==", 5), "!=": ("!=", 5), "<": ("<", 5), ">": (">", 5), "<=": ("<=", 5),
          ">=": (">=", 5), "&": ("&", 8), "|": ("|", 6), "&&": ("and", 3), "||": ("or", 2)}
OPERATOR_FUNCTIONS = set(BINARY) | {"%in%", ":"}
ATOM, P_IFEXP, P_OR, P_NOT, P_CMP, P_BOR, P_UNARY, P_POW = 16, 1, 2, 4, 5, 6, 12, 13


# -- Python text with R lines ------------------------------------------------------------
@dataclass
class Code:
    """A Python expression's text in pieces, each with the R line it comes from (0: the
    line of the piece before), and its Python precedence."""

    segs: list
    prec: int = ATOM

    def lines(self) -> set:
        return {line for line, _ in self.segs if line}

    def flat(self) -> str:
        return "".join(text for _, text in self.segs)


def code(*parts, prec: int = ATOM) -> Code:
    segs = []
    for part in parts:
        if isinstance(part, Code):
            segs.extend(part.segs)
        elif isinstance(part, tuple):
            segs.append(part)
        else:
            segs.append((0, part))
    return Code(segs, prec)


def wrap(c: Code, need: int) -> Code:
    return code("(", c, ")") if c.prec < need else c


@dataclass
class Piece:
    """One Python statement (or a compound statement's header) to place at R line `line`."""

    line: int
    indent: int
    text: list  # physical lines: [(R line, text)]
    kind: str = "simple"  # simple (`;` may follow), header (a suite follows), closed
    up: bool = False  # a one-line def made for its statement: the line above if free
    newline: bool = False  # on a line of its own (a suite that cannot follow its header)


@dataclass
class Translation:
    python: str
    origin: list = field(default_factory=list)  # the R line of each Python line (1-based)


class Writer:
    """Places pieces on their R lines; comments go back on theirs."""

    def __init__(self, comments, source_lines):
        self.lines: list[str] = []
        self.origin: list[int] = []
        self.kinds: list[str] = []
        self.indents: list[int] = []
        self.comments = sorted(comments, key=lambda c: (c.line, c.col))
        self.source_lines = source_lines
        self.last_of: dict[int, int] = {}  # R line -> index of its last Python line

    def flush_comments(self, before: int) -> None:
        while self.comments and self.comments[0].line < before:
            comment = self.comments.pop(0)
            index = self.last_of.get(comment.line)
            if index is not None:
                self.lines[index] += "  " + comment.text
            else:
                indent = len(self.source_lines[comment.line - 1]) - len(
                    self.source_lines[comment.line - 1].lstrip())
                self.new_line(max(comment.line, len(self.lines) + 1), " " * indent + comment.text,
                              "comment", 0, comment.line)

    def new_line(self, at: int, text: str, kind: str, indent: int, origin: int) -> None:
        """A Python line at line `at` (blank lines before it as needed), from R's `origin`."""
        while len(self.lines) < at - 1:
            self.lines.append("")
            self.origin.append(len(self.lines))
            self.kinds.append("blank")
            self.indents.append(0)
        self.lines.append(text)
        self.origin.append(origin)
        self.kinds.append(kind)
        self.indents.append(indent)
        if kind not in ("comment", "blank"):
            self.last_of[origin] = len(self.lines) - 1

    def put(self, piece: Piece) -> None:
        first_r, first_text = piece.text[0]
        pad = " " * piece.indent
        if piece.up and len(self.lines) <= first_r - 2:  # the line above is free
            self.flush_comments(first_r - 1)
            if len(self.lines) <= first_r - 2:
                self.new_line(first_r - 1, pad + first_text, piece.kind, piece.indent, first_r)
                self.last_of[first_r - 1] = len(self.lines) - 1  # its comment goes here
                return
        self.flush_comments(first_r)
        if self.lines and len(self.lines) >= first_r:
            last = len(self.lines) - 1
            while last >= 0 and self.kinds[last] in ("comment", "blank"):
                last -= 1
            if (not piece.newline and last >= 0 and last == len(self.lines) - 1
                    and self.origin[last] == first_r
                    and self.kinds[last] == "simple" and self.indents[last] == piece.indent
                    and piece.kind == "simple"):
                self.lines[last] += "; " + first_text
                self.kinds[last] = piece.kind
            else:
                self.new_line(len(self.lines) + 1, pad + first_text, piece.kind, piece.indent,
                              first_r)
        else:
            self.new_line(first_r, pad + first_text, piece.kind, piece.indent, first_r)
        for r_line, text in piece.text[1:]:
            self.flush_comments(r_line)
            source = self.source_lines[r_line - 1] if r_line <= len(self.source_lines) else ""
            lead = " " * max(len(source) - len(source.lstrip()), piece.indent + 4)
            self.new_line(max(r_line, len(self.lines) + 1), lead + text, "continued",
                          piece.indent, r_line)
        if len(piece.text) > 1:
            self.kinds[-1] = piece.kind

    def finish(self, n_lines: int) -> Translation:
        self.flush_comments(10 ** 9)
        while len(self.lines) < n_lines:
            self.new_line(len(self.lines) + 1, "", "blank", 0, len(self.lines) + 1)
        return Translation("\n".join(self.lines) + "\n", list(self.origin))


# -- the translator ------------------------------------------------------------------------
class Context:
    """What an expression needs from its statement: defs to put before it."""

    def __init__(self, translator, indent: int):
        self.translator, self.indent = translator, indent
        self.hoisted: list[Piece] = []
        self.hoisted_end = 0


class Translator:
    def __init__(self, program: Program, filename: str | None):
        self.program, self.filename = program, filename
        self.names: dict[str, str] = {}  # Python name -> the R name it comes from
        self.defined: set[str] = set()  # names the script assigns (they shadow the package's)
        self.imported = False
        self.counter = 0
        self.scopes: list[dict] = []  # def scopes: {"locals": set, "declared": set}
        self.methods: dict[str, str] = {}  # functions given to class constructors: R name
        self.shadowing: set[str] = set()  # R names of values that the script also calls
        self.layer_values: set[str] = set()  # names assigned a layer or model (piped as is)

    def error(self, message: str, node: Node):
        line, col = node.line, node.col
        if getattr(node, "op_line", 0):  # an operator's error: at the operator
            line, col = node.op_line, node.op_col
        raise TranslationError(message, self.filename, line, col)

    # -- names ----------------------------------------------------------------------------
    def py_name(self, name: str, node: Node, check: bool = True) -> str:
        if name == "...":
            self.error("`...` is only supported as a function's parameter or argument", node)
        py = name.replace(".", "_")
        if keyword.iskeyword(py) or py in ("True", "False", "None"):
            py += "_"
        if check and name in self.shadowing:  # a value named as a function it calls
            py += "_"
        if not py.isidentifier():
            self.error(f"the name `{name}` is not a Python name (the naming rule turns dots "
                       f"into underscores, nothing else)", node)
        if check:
            seen = self.names.setdefault(py, name)
            if seen != name:
                self.error(f"`{name}` and `{seen}` are both `{py}` in Python (the naming rule: "
                           f"dots become underscores); rename one", node)
        return py

    def collect(self, node) -> None:
        """Check every name once, in source order (collisions), and note the ones the
        script assigns (they shadow the package's functions in pipes)."""
        # R looks a called name up among functions only: `c <- 1; c(c, 2)` calls c();
        # in Python the value gets a `_` (`c_ = 1; c(c_, 2)`)
        values, functions, called = set(), set(), set()
        for n in walk(node):
            if isinstance(n, Assign) and isinstance(n.target, Name):
                (functions if isinstance(n.value, Function) else values).add(n.target.name)
                if isinstance(n.value, Call) and isinstance(n.value.func, Name) \
                        and n.value.func.name.startswith(LAYER_MAKERS):
                    self.layer_values.add(n.target.name)
            elif isinstance(n, For):
                values.add(n.var)
            elif isinstance(n, Function):
                values.update(p.name for p in n.params)
            elif isinstance(n, Call) and isinstance(n.func, Name) and not n.func.backticked:
                called.add(n.func.name)
        self.shadowing = {name for name in (values & called) - functions
                          if package_function(name.replace(".", "_"))}
        found = []
        for n in walk(node):
            if isinstance(n, Assign) and isinstance(n.target, Name):
                found.append((n.target.line, n.target.col, n.target.name, n.target, True))
            elif isinstance(n, Name) and n.name not in ("...", "_", ".") and not (
                    n.backticked and n.name in OPERATOR_FUNCTIONS):
                found.append((n.line, n.col, n.name, n, False))
            elif isinstance(n, For):
                found.append((n.line, n.col, n.var, n, True))
            if isinstance(n, Call) and isinstance(n.func, Name) \
                    and n.func.name in CLASS_CONSTRUCTORS:
                # f <- function(inputs) ...; Layer("L", call = f): f is a method (self)
                self.methods.update((a.value.name, a.name) for a in n.args
                                    if a.name and isinstance(a.value, Name))
        for _, _, name, n, defines in sorted(found, key=lambda f: (f[0], f[1])):
            py = self.py_name(name, n)
            if defines:
                self.defined.add(py)

    # -- program --------------------------------------------------------------------------
    def run(self) -> Translation:
        program = self.program
        self.collect(program.body)
        writer = Writer(program.comments, program.lines)
        pieces = []
        for node in program.body:
            pieces.extend(self.statement(node, 0, None))
        if not self.imported:
            pieces.insert(0, Piece(1, 0, [(1, IMPORTS)]))
        for piece in pieces:
            writer.put(piece)
        n_lines = len(program.lines) - (1 if program.lines and program.lines[-1] == "" else 0)
        return writer.finish(n_lines)

    # -- statements -----------------------------------------------------------------------
    def statement(self, node: Node, indent: int, tail) -> list[Piece]:
        """The pieces of one R statement. `tail`: None, "return" (the last statement of a
        function: its value is returned) or ("assign", target text) (its value assigned)."""
        ctx = Context(self, indent)
        pieces = self.statement_pieces(node, indent, tail, ctx)
        return ctx.hoisted + pieces

    def remove(self, node: Call, indent: int) -> list[Piece]:
        """R's `rm(a, b)`: Python's `del a, b` (R's other ways of naming what to remove,
        `list =` and `envir =`, are errors)."""
        names = []
        for arg in node.args:
            if arg.name is not None or not isinstance(arg.value, Name):
                self.error("`rm()` is supported with names only (`rm(a, b)`: `del a, b`)",
                           arg.value if arg.value is not None else node)
            names.append(self.py_name(arg.value.name, arg.value))
        if not names:
            return []
        return [Piece(node.line, indent, [(node.line, "del " + ", ".join(names))])]

    def simple(self, node: Node, c: Code, ctx: Context, prefix: str = "", kind="simple",
               suffix: str = "", line: int | None = None) -> list[Piece]:
        """A statement made of `prefix`, the expression `c` and `suffix`."""
        start = max(line or node.line, ctx.hoisted_end)
        text = render(c, start)
        if len(text) > 1 and not parses(prefix, text, suffix):
            text = render(code("(", c, ")"), start)
        text[0] = (text[0][0], prefix + text[0][1])
        text[-1] = (text[-1][0], text[-1][1] + suffix)
        return [Piece(text[0][0], ctx.indent, text, kind)]

    def statement_pieces(self, node: Node, indent: int, tail, ctx: Context) -> list[Piece]:
        if isinstance(node, Assign):
            return self.assignment(node, ctx, tail)
        if isinstance(node, Binary) and node.op == "%<-%":
            targets = self.destructure(node.left)
            return self.simple(node, self.expr(node.right, ctx), ctx, prefix=f"{targets} = ")
        if isinstance(node, If):
            if not (node.end_line == node.line and node.orelse is not None
                    and self.is_expression(node.then) and self.is_expression(node.orelse)):
                return self.if_statement(node, indent, tail, ctx)
            # one line, two expressions: `a if cond else b` (below)
        if isinstance(node, For):
            var = self.py_name(node.var, node)
            iterable = self.expr(node.iterable, ctx)
            if not is_r_vector(node.iterable):  # R's for(): values of a list, NULL: none
                iterable = code((node.iterable.line, "r_iter("), iterable, ")")
            header = self.simple(node, iterable, ctx, prefix=f"for {var} in ", suffix=":",
                                 kind="header")
            return self.suite(header, node.body, indent, None)
        if isinstance(node, While):
            cond = self.expr(node.cond, ctx, scalar=True)
            header = self.simple(node, cond, ctx, prefix="while ", suffix=":", kind="header")
            return self.suite(header, node.body, indent, None)
        if isinstance(node, Repeat):
            header = [Piece(node.line, indent, [(node.line, "while True:")], "header")]
            return self.suite(header, node.body, indent, None)
        if isinstance(node, Break):
            return [Piece(node.line, indent, [(node.line, "break")])]
        if isinstance(node, Next):
            return [Piece(node.line, indent, [(node.line, "continue")])]
        if isinstance(node, Block):
            pieces = []
            for i, inner in enumerate(node.body):
                last = i == len(node.body) - 1
                pieces.extend(self.statement(inner, indent, tail if last else None))
            if not node.body and tail == "return":
                pieces.append(Piece(node.line, indent, [(node.line, "return None")]))
            return pieces
        if isinstance(node, Call) and (
                (isinstance(node.func, Name) and node.func.name in INSTALLS)
                or (isinstance(node.func, Namespace) and node.func.name in INSTALLS
                    and node.func.package in INSTALL_PACKAGES)):
            return []  # installing R packages: nothing to do in Python
        if isinstance(node, Call) and isinstance(node.func, Name) and not node.func.backticked:
            name = node.func.name
            if name in ("library", "require", "requireNamespace"):
                return self.library(node, indent)
            if name == "rm" and "rm" not in self.defined:
                return self.remove(node, indent)
            if name == "with" and len(node.args) == 2 and not any(a.name for a in node.args):
                return self.with_statement(node, indent, tail, ctx)
            if name == "return":
                if not self.scopes:
                    self.error("`return()` outside a function", node)
                if len(node.args) > 1 or any(a.name for a in node.args):
                    self.error("`return()` takes one value", node)
                if not node.args:
                    return [Piece(node.line, indent, [(node.line, "return None")])]
                return self.simple(node, self.expr(node.args[0].value, ctx), ctx,
                                   prefix="return ")
        if isinstance(node, Help):
            self.error("`?` (help) is not supported: use help() in Python", node)
        # an expression statement
        c = self.expr(node, ctx)
        if tail == "return":
            return self.simple(node, c, ctx, prefix="return ")
        if isinstance(tail, tuple):
            return self.simple(node, c, ctx, prefix=f"{tail[1]} = ")
        return self.simple(node, c, ctx)

    def with_statement(self, node: Call, indent: int, tail, ctx: Context) -> list[Piece]:
        """tensorflow's `with(context, {...})` (and `with(x %as% name, ...)`): Python's
        `with` statement."""
        manager, block = node.args[0].value, node.args[1].value
        name = ""
        if isinstance(manager, Binary) and manager.op == "%as%":
            if not isinstance(manager.right, Name):
                self.error("`%as%` needs a name on its right", manager)
            name = " as " + self.py_name(manager.right.name, manager.right)
            manager = manager.left
        header = self.simple(node, self.expr(manager, ctx), ctx, prefix="with ",
                             suffix=name + ":", kind="header")
        return self.suite(header, block, indent, tail)

    def is_expression(self, node: Node) -> bool:
        """Whether `node` is an R expression Python can write as one (no statement)."""
        if isinstance(node, Block):
            return len(node.body) == 1 and self.is_expression(node.body[0])
        if isinstance(node, (Assign, For, While, Repeat, Break, Next, Help)):
            return False
        if isinstance(node, Binary) and node.op == "%<-%":
            return False
        if isinstance(node, Call) and isinstance(node.func, Name) and node.func.name in (
                "return", "library", "require", "with"):
            return False
        if isinstance(node, If):
            return (self.is_expression(node.then)
                    and (node.orelse is None or self.is_expression(node.orelse)))
        return True

    def library(self, node: Call, indent: int) -> list[Piece]:
        args = [a for a in node.args if a.name in (None, "package")]
        if not args or not isinstance(args[0].value, (Name, Str)):
            self.error(f"`{node.func.name}()` needs a package name", node)
        value = args[0].value
        package = value.name if isinstance(value, Name) else value.value
        if package in KERAS_PACKAGES:
            if self.scopes or indent:  # Python imports * at module level only
                return []
            self.imported = True
            return [Piece(node.line, indent, [(node.line, IMPORTS)])]
        if package in QUIET_PACKAGES:
            return []  # what rstyle_keras needs of them is in the package already
        self.error(f"the R package `{package}` is not supported (only keras3 and base R)",
                   node)

    def suite(self, header: list[Piece], body: Node, indent: int, tail,
              header_line: int | None = None) -> list[Piece]:
        """A compound statement's header and its body, indented."""
        head = header[-1]
        nodes = body.body if isinstance(body, Block) else [body]
        inner: list[Piece] = []
        for i, node in enumerate(nodes):
            last = i == len(nodes) - 1
            inner.extend(self.statement(node, indent + 4, tail if last else None))
        if tail == "return" and not nodes:
            inner.append(Piece(head.line, indent + 4, [(head.line, "return None")]))
        if isinstance(tail, tuple) and not nodes:
            inner.append(Piece(head.line, indent + 4, [(head.line, f"{tail[1]} = None")]))
        header_r = head.text[-1][0]
        if not inner:
            head.text[-1] = (header_r, head.text[-1][1] + " pass")
            head.kind = "closed"
            return header
        if all(p.kind == "simple" and len(p.text) == 1 and p.text[0][0] == header_r
               for p in inner):
            joined = "; ".join(p.text[0][1] for p in inner)
            head.text[-1] = (header_r, head.text[-1][1] + " " + joined)
            head.kind = "closed"
            return header
        for piece in inner:
            if piece.text[0][0] <= header_r:  # on the header's line: a line of its own
                piece.newline = True
        return header + inner

    def if_statement(self, node: If, indent: int, tail, ctx: Context,
                     keyword_: str = "if ") -> list[Piece]:
        cond = self.expr(node.cond, ctx, scalar=True)
        header = self.simple(node, cond, ctx, prefix=keyword_, suffix=":", kind="header")
        pieces = self.suite(header, node.then, indent, tail)
        orelse = node.orelse
        if orelse is None:
            if isinstance(tail, tuple):  # y <- if (a) {...}: NULL when a is FALSE
                r = node.end_line
                pieces.append(Piece(r, indent, [(r, f"else: {tail[1]} = None")], "closed"))
            return pieces
        else_line = node.else_line or orelse.line
        if isinstance(orelse, If):
            sub = Context(self, indent)
            more = self.if_statement(orelse, indent, tail, sub, keyword_="elif ")
            if sub.hoisted:
                self.error("a function of several statements in an `else if` condition is not "
                           "supported: define it before the `if`", orelse)
            more[0].text[0] = (else_line, more[0].text[0][1])
            more[0].line = else_line
            return pieces + sub.hoisted + more
        header = [Piece(else_line, indent, [(else_line, "else:")], "header")]
        return pieces + self.suite(header, orelse, indent, tail)

    # -- assignment -----------------------------------------------------------------------
    def assignment(self, node: Assign, ctx: Context, tail) -> list[Piece]:
        targets, value = [], node
        while isinstance(value, Assign):  # a <- b <- 1: a = b = 1
            targets.append(value)
            value = value.value
        first = targets[0]
        if (len(targets) == 1 and isinstance(first.target, Name) and isinstance(value, Function)
                and first.op != "<<-"):
            name = self.py_name(first.target.name, first.target)
            role = self.methods.get(first.target.name)
            tail = None if role == "initialize" else "return"
            return self.function_def(name, value, ctx.indent, first.line, ctx,
                                     role is not None and not self.scopes, tail)
        if (len(targets) == 1 and isinstance(value, If) and not self.is_expression(value)
                and isinstance(first.target, (Name, Dollar)) and first.op != "<<-"):
            text, _ = self.target(first.target, ctx)
            return self.if_statement(value, ctx.indent, ("assign", text), ctx)
        declared, texts, post = [], [], []
        for assign in targets:
            text, extra = self.target(assign.target, ctx)
            if assign.op == "<<-":
                if not isinstance(assign.target, Name):
                    self.error("`<<-` is supported on names only", assign)
                declared.append(text)
            texts.append(text)
            post.extend(extra)
        c = self.expr(value, ctx)
        prefix = "".join(f"{t} = " for t in texts)
        if post:  # x[i] <- v: x = r_subset_set(x, i, value=v); one target only
            if len(texts) > 1:
                self.error("a chain of assignments with an indexed or replaced target is not "
                           "supported: write one assignment per line", node)
            prefix = f"{texts[0]} = "
            c = post[0](c)
        pieces = []
        if declared:
            scope = "nonlocal" if len(self.scopes) > 1 else "global"
            pieces.append(Piece(node.line, ctx.indent,
                                [(node.line, f"{scope} {', '.join(declared)}")]))
            if not self.scopes:
                pieces = []
        # (as the last statement of a function, R returns the value invisibly: not here, so
        # that an `initialize` method ending on `self$x <- x` stays a valid __init__)
        return pieces + self.simple(node, c, ctx, prefix=prefix)

    def target(self, node: Node, ctx: Context) -> tuple[str, list]:
        """An assignment target's text, and (in a list) the value's wrapper where R
        replaces a part: x[i] <- v is x = r_subset_set(x, i, value=v), and nested ones
        compose as R's do: names(x)[2] <- v is x = names_set(x, r_subset_set(names(x),
        2, value=v))."""
        if isinstance(node, (Name, Str)):
            name = node.name if isinstance(node, Name) else node.value
            if isinstance(node, Str):
                node = Name(name, line=node.line, col=node.col)
            return self.py_name(name, node), []
        if isinstance(node, Dollar):
            if node.op == "@":
                self.error("`@` (S4 slots) is not supported", node)
            return self.flat(self.expr(node, ctx)), []
        if isinstance(node, Paren):
            return self.target(node.expr, ctx)

        def nest(inner: Node, make):
            root, outer = self.target(inner, ctx)
            if not outer:
                return root, [make]
            return root, [lambda v: outer[0](make(v))]

        if isinstance(node, Index) and isinstance(node.obj, Dollar) and node.obj.op == "@" \
                and node.obj.name == "r" and not node.double:
            subset = self.flat(self.tensor_index(node, ctx))  # op_subset(x, ...)
            inner = subset[len("op_subset("):-1]
            return nest(node.obj.obj, lambda v: code(f"op_subset_set({inner}, value=", v, ")"))
        if isinstance(node, Index):
            obj_code = self.flat(self.expr(node.obj, ctx))
            args = self.index_args(node, ctx)
            if node.double:
                if len(node.args) != 1:
                    self.error("`[[` takes one index", node)
                return nest(node.obj, lambda v: code(f"r_get_set({obj_code}, ", args, ", ", v,
                                                     ")"))
            return nest(node.obj, lambda v: code(f"r_subset_set({obj_code}, ", args,
                                                 ", value=", v, ")"))
        if isinstance(node, Call) and isinstance(node.func, Name) and node.args \
                and node.args[0].name is None and node.args[0].value is not None:
            func = self.py_name(node.func.name, node.func, check=False) + "_set"
            obj_code = self.flat(self.expr(node.args[0].value, ctx))
            rest = node.args[1:]
            if not rest:
                return nest(node.args[0].value, lambda v: code(f"{func}({obj_code}, ", v, ")"))
            extra = self.call_args(rest, ctx)
            return nest(node.args[0].value,
                        lambda v: code(f"{func}({obj_code}, ", extra, ", value=", v, ")"))
        self.error("this assignment target is not supported", node)

    def destructure(self, node: Node) -> str:
        if isinstance(node, Call) and isinstance(node.func, Name) and node.func.name in (
                "c", "list"):
            parts = []
            for arg in node.args:
                if arg.name is not None or arg.value is None:
                    self.error("`%<-%` takes names or nested c() on its left", arg)
                inner = self.destructure(arg.value)
                parts.append(f"({inner})" if "," in inner else inner)
            if len(parts) == 1:
                return parts[0] + ","
            return ", ".join(parts)
        if isinstance(node, Name):
            return "_" if node.name == "." else self.py_name(node.name, node)
        self.error("`%<-%` takes names or nested c() on its left", node)

    # -- functions --------------------------------------------------------------------------
    def params(self, fn: Function, ctx: Context, method: bool) -> Code:
        parts, star, seen = [], False, set()
        if method and not (fn.params and fn.params[0].name == "self"):
            parts.append(code("self"))
        after = []
        for p in fn.params:
            if p.name == "...":
                star = True
                continue
            name = self.py_name(p.name, p)
            if name in seen or (method and name == "self" and p is not fn.params[0]):
                self.error(f"the parameter `{p.name}` is repeated", p)
            seen.add(name)
            c = code((p.line, name)) if p.default is None else code(
                (p.line, name), "=", self.expr(p.default, ctx))
            if star:
                after.append(c)
            else:
                parts.append(c)
        if star:
            parts.append(code("*args"))
            parts.extend(after)
            parts.append(code("**kwargs"))
        elif after:
            parts.extend(after)
        out = []
        for i, part in enumerate(parts):
            out.extend([", "] if i else [])
            out.append(part)
        return code(*out)

    def lambda_able(self, fn: Function) -> bool:
        body = fn.body
        if isinstance(body, Block):
            if len(body.body) != 1:
                return False
            body = body.body[0]
        if isinstance(body, Call) and isinstance(body.func, Name) and body.func.name == "return":
            return len(body.args) == 1 and self.lambda_able(
                Function([], body.args[0].value, line=fn.line))
        if not self.is_expression(body):
            return False
        for n in walk(body):
            if isinstance(n, Function) and not self.lambda_able(n):
                return False
            if isinstance(n, Assign) or (isinstance(n, Call) and isinstance(n.func, Name)
                                          and n.func.name == "return"):
                return False
        return True

    def lambda_(self, fn: Function, ctx: Context, method: bool) -> Code:
        body = fn.body
        if isinstance(body, Block):
            body = body.body[0]
        if isinstance(body, Call) and isinstance(body.func, Name) and body.func.name == "return":
            body = body.args[0].value
        params = self.params(fn, ctx, method)
        self.scopes.append({})
        try:
            b = self.expr(body, ctx)
        finally:
            self.scopes.pop()
        return code((fn.line, "lambda"), " " if params.segs else "", params, ": ", b, prec=0)

    def function_def(self, name: str, fn: Function, indent: int, line: int, ctx: Context,
                     method: bool, tail="return") -> list[Piece]:
        params = self.params(fn, ctx, method)
        header_line = max(line, ctx.hoisted_end)
        text = render(code(f"def {name}(", params, "):"), header_line)
        header = [Piece(text[0][0], indent, text, "header")]
        self.scopes.append({})
        try:
            return self.suite(header, fn.body, indent, tail)
        finally:
            self.scopes.pop()

    def hoist(self, fn: Function, ctx: Context, hint: str | None, method: bool) -> Code:
        """A function literal Python cannot write inline: a def before the statement."""
        self.counter += 1
        base = f"_{hint}" if hint and hint.isidentifier() else "_fn"
        name = base if base not in self.names else f"{base}_{self.counter}"
        self.names.setdefault(name, name)
        sub = Context(self, ctx.indent)
        sub.hoisted_end = ctx.hoisted_end
        # R keras3 drops what `initialize` returns; Python's __init__ must return None
        tail = None if method and hint == "initialize" else "return"
        pieces = self.function_def(name, fn, ctx.indent, fn.line, sub, method, tail)
        if len(pieces) == 1 and len(pieces[0].text) == 1 and not sub.hoisted:
            pieces[0].up = True
        ctx.hoisted.extend(sub.hoisted + pieces)
        ctx.hoisted_end = max(ctx.hoisted_end, fn.end_line)
        return code(name)

    # -- expressions ----------------------------------------------------------------------
    def flat(self, c: Code) -> str:
        return c.flat()

    def expr(self, node: Node, ctx: Context, scalar: bool = False, hint: str | None = None,
             method: bool = False) -> Code:
        line = node.line
        if isinstance(node, Num):
            if not node.integer or node.r_integer or len(node.text) < 6 \
                    or node.text != str(int(node.text)) or int(node.text) % 10:
                return code((line, node.text))
            # 100000: R's double prints 1e+05, Python's int 100000; a float prints as R's
            return code((line, node.text + ".0"))
        if isinstance(node, Str):
            return code((line, py_string(node.value)))
        if isinstance(node, Const):
            return code((line, CONSTANTS[node.name]))
        if isinstance(node, Name):
            if node.backticked and node.name in OPERATOR_FUNCTIONS:  # Reduce(`+`, x)
                py = BINARY[node.name][0] if node.name in BINARY else None
                if py is None or py in ("and", "or"):
                    self.error(f"`{node.name}` as a function is not supported", node)
                return code((line, f"(lambda a, b: a {py} b)"))
            return code((line, self.py_name(node.name, node)))
        if isinstance(node, Paren):
            return code((line, "("), self.expr(node.expr, ctx, scalar), (node.end_line, ")"))
        if isinstance(node, Namespace):
            if node.package not in NAMESPACES:
                self.error(f"`{node.package}{node.op}{node.name}`: the R package "
                           f"`{node.package}` is not supported (only keras3 and base R)", node)
            return code((line, self.py_name(node.name, node, check=False)))
        if isinstance(node, Dollar):
            if node.op == "@":
                self.error("`@` (S4 slots) is not supported", node)
            if isinstance(node.obj, (Num, Str, Const)):
                self.error("`$` is invalid for atomic vectors", node)
            obj = wrap(self.expr(node.obj, ctx), ATOM)
            attr = node.name.replace(".", "_")
            if keyword.iskeyword(attr):
                attr += "_"
            if not attr.isidentifier():
                return code("getattr(", obj, f", {py_string(node.name)})")
            return code(obj, f".{attr}")
        if isinstance(node, Unary):
            if node.op == "!":
                if scalar:
                    return code((line, "not "), wrap(self.expr(node.operand, ctx, True), P_NOT),
                                prec=P_NOT)
                return code((line, "r_not("), self.expr(node.operand, ctx), ")")
            if node.op == "-" and isinstance(node.operand, Num) and node.operand.integer \
                    and not node.operand.r_integer and int(node.operand.text) == 0:
                return code((line, "-0.0"), prec=P_UNARY)  # R's -0 is a negative zero
            operand = wrap(self.expr(node.operand, ctx), P_UNARY)
            return code((line, node.op), operand, prec=P_UNARY)
        if isinstance(node, Binary):
            return self.binary(node, ctx, scalar)
        if isinstance(node, Formula):
            self.error("formulas (`~`) are not supported", node)
        if isinstance(node, Help):
            self.error("`?` (help) is not supported: use help() in Python", node)
        if isinstance(node, Assign):
            if isinstance(node.target, Name) and node.op != "<<-":
                name = self.py_name(node.target.name, node.target)
                return code((line, f"({name} := "), self.expr(node.value, ctx), ")")
            self.error("an assignment inside an expression is supported on names only "
                       "(Python's `:=`)", node)
        if isinstance(node, Function):
            if self.lambda_able(node):
                return self.lambda_(node, ctx, method)
            return self.hoist(node, ctx, hint, method)
        if isinstance(node, If):
            then = self.branch(node.then, ctx)
            orelse = code("None") if node.orelse is None else self.branch(node.orelse, ctx)
            cond = self.expr(node.cond, ctx, scalar=True)
            return code(wrap(then, P_OR), (line, " if "), wrap(cond, P_OR), " else ",
                        wrap(orelse, P_IFEXP), prec=P_IFEXP)
        if isinstance(node, Block):
            if len(node.body) == 1 and self.is_expression(node.body[0]):
                return self.expr(node.body[0], ctx, scalar)
            if not node.body:
                return code((line, "None"))
            self.error("a block of several statements used as a value is not supported "
                       "here: assign its parts first", node)
        if isinstance(node, Call):
            return self.call(node, ctx)
        if isinstance(node, Index):
            return self.index(node, ctx)
        if isinstance(node, (For, While, Repeat)):
            self.error("a loop used as a value is not supported", node)
        if isinstance(node, (Break, Next)):
            self.error(f"`{'break' if isinstance(node, Break) else 'next'}` used as a value "
                       "is not supported", node)
        self.error(f"{type(node).__name__} is not supported", node)

    def branch(self, node: Node, ctx: Context) -> Code:
        if not self.is_expression(node):
            self.error("`if` used as a value needs expressions in its branches (or write "
                       "the `if` as a statement)", node)
        return self.expr(node, ctx)

    def binary(self, node: Binary, ctx: Context, scalar: bool) -> Code:
        op, line = node.op, node.line
        if op in ("|>", "%>%"):
            return self.pipe(node, ctx)
        if op == ":":
            return code((line, "r_colon("), self.expr(node.left, ctx), ", ",
                        self.expr(node.right, ctx), ")")
        if op == "%in%":
            return code((line, "r_in("), self.expr(node.left, ctx), ", ",
                        self.expr(node.right, ctx), ")")
        if op == "%<-%":
            self.error("`%<-%` is supported as a statement only", node)
        if op == "%||%":  # base R 4.4 (and rlang): the left side unless it is NULL
            left, right = self.expr(node.left, ctx), wrap(self.expr(node.right, ctx), P_OR)
            if isinstance(node.left, Name):
                return code(left, (line, " if "), left, " is not None else ", right,
                            prec=P_IFEXP)
            return code((line, "(_v if (_v := "), left, ") is not None else ", right, ")")
        if op not in BINARY:
            self.error(f"the operator `{op}` is not supported", node)
        py, prec = BINARY[op]
        sub_scalar = scalar or op in ("&&", "||")
        left = self.expr(node.left, ctx, sub_scalar)
        right = self.expr(node.right, ctx, sub_scalar)
        if py == "**":
            left, right = wrap(left, P_POW + 1), wrap(right, P_UNARY)
        elif prec == P_CMP:
            left, right = wrap(left, P_BOR), wrap(right, P_BOR)
        else:
            left, right = wrap(left, prec), wrap(right, prec + 1)
        return code(left, f" {py} ", right, prec=prec)

    # -- calls ----------------------------------------------------------------------------
    def call_args(self, args: list[Arg], ctx: Context, method: bool = False,
                  name: str | None = None) -> Code:
        if len(args) > 1 and args[-1].name is None and args[-1].value is None:
            args = args[:-1]  # f(a, b, ): R keras3's functions take a trailing comma
        if name and any(a.name is None and a.value is None for a in args):
            # layer_dense(, 3): an empty argument is R's missing one; the others named
            named = matched_arguments(name, args)
            if named is not None:
                args = [Arg(n, a.value, line=a.line, col=a.col) for n, a in named]
        parts, positional_after, keys = [], [], set()
        named_seen = False
        for arg in args:
            if arg.value is None and arg.name is None:
                self.error("an empty argument is not supported in a call", arg)
            if arg.name is None:
                if isinstance(arg.value, Name) and arg.value.name == "...":
                    parts.append(code((arg.line, "*args")))
                    positional_after.append(code("**kwargs"))
                    continue
                value = self.expr(arg.value, ctx, method=method)
                if named_seen:
                    positional_after.append(code("*[", value, "]"))
                else:
                    parts.append(value)
            else:
                named_seen = True
                if arg.value is None:
                    self.error(f"the argument `{arg.name}` is given no value", arg)
                value = self.expr(arg.value, ctx, hint=arg.name, method=method)
                key = arg.name.replace(".", "_")
                if keyword.iskeyword(key):
                    key += "_"
                if key in keys:
                    self.error(f"the argument `{arg.name}` is given twice (Python takes each "
                               f"name once)", arg)
                keys.add(key)
                if key.isidentifier():
                    parts.append(code((arg.line, f"{key}="), value))
                else:
                    parts.append(code((arg.line, f"**{{{py_string(arg.name)}: "), value, "}"))
        parts += positional_after
        out = []
        for i, part in enumerate(parts):
            out.extend([", "] if i else [])
            out.append(part)
        return code(*out)

    def func_name(self, node: Call) -> str | None:
        func = node.func
        if isinstance(func, (Num, Const)):
            self.error("attempt to apply a non-function", func)
        if isinstance(func, Str):  # R's "f"(x)
            return func.value
        if isinstance(func, Name):
            return func.name
        if isinstance(func, Namespace):
            return func.name
        return None

    def call(self, node: Call, ctx: Context) -> Code:
        func = node.func
        if isinstance(func, Name) and func.backticked and func.name in OPERATOR_FUNCTIONS \
                and len(node.args) == 2 and not any(a.name for a in node.args):
            # `+`(a, b) is a + b
            a, b = (arg.value for arg in node.args)
            return self.expr(Binary(func.name, a, b, line=node.line, col=node.col,
                                    end_line=node.end_line), ctx)
        name = self.func_name(node)
        line = node.line
        if isinstance(node.func, Namespace):
            self.expr(node.func, ctx)  # checks the package
        if name in ("library", "require", "return", "with") and isinstance(node.func, Name):
            self.error(f"`{name}()` is supported as a statement only", node)
        if isinstance(node.func, (Name, Namespace)) and name is not None \
                and self.py_name(name, node.func, check=False) not in self.defined:
            node = typed_literals(node, name)
        if name == "try" and isinstance(node.func, Name) and "try" not in self.defined \
                and node.args and node.args[0].name in (None, "expr"):
            # R evaluates try()'s argument lazily: Python's needs it in a function
            body = node.args[0].value
            fn = Function([], body, line=body.line, col=body.col, end_line=body.end_line)
            args = [Arg(None, fn, line=node.args[0].line, col=node.args[0].col),
                    *node.args[1:]]
            node = Call(Name("r_try", line=node.func.line, col=node.func.col), args,
                        line=node.line, col=node.col, end_line=node.end_line)
            name = "r_try"
        if name == "list" and isinstance(node.func, Name):
            if any(a.name is not None for a in node.args):
                return code((line, "rlist("), self.call_args(node.args, ctx),
                            (node.end_line, ")"))
            if not node.args:  # list(): an RList, so that `l$b <- 1` works on it
                return code((line, "rlist()"))
            return code((line, "["), self.call_args(node.args, ctx), (node.end_line, "]"))
        if name == "function":
            self.error("unexpected function", node)
        if name in UNSUPPORTED and isinstance(node.func, Name) and name not in self.defined:
            self.error(f"`{name}()` is not supported (environments, language objects and "
                       f"R's class systems have no translation)", node)
        method = name in CLASS_CONSTRUCTORS and name not in self.defined
        if name is not None:
            func = code((node.func.line, self.py_name(name, node.func, check=False)))
        else:
            func = wrap(self.expr(node.func, ctx), ATOM)
            if isinstance(node.func, Function):
                func = code("(", func, ")") if func.prec < ATOM else func
        known = name if isinstance(node.func, (Name, Namespace)) and name and \
            self.py_name(name, node.func, check=False) not in self.defined else None
        args = self.call_args(node.args, ctx, method,
                              self.py_name(known, node.func, check=False) if known else None)
        return code(func, "(", args, (node.end_line, ")"))

    def index_args(self, node: Index, ctx: Context) -> Code:
        parts = []
        for arg in node.args:
            if arg.value is None and arg.name is None:
                parts.append(code((arg.line, "MISSING")))
            elif arg.name is not None:
                key = arg.name.replace(".", "_")
                parts.append(code((arg.line, f"{key}="), self.expr(arg.value, ctx)))
            else:
                parts.append(self.expr(arg.value, ctx))
        out = []
        for i, part in enumerate(parts):
            out.extend([", "] if i else [])
            out.append(part)
        return code(*out)

    def tensor_index(self, node: Index, ctx: Context) -> Code | None:
        """R keras3's `x@r[...]` (op_subset: 1-based, `a:b` inclusive) and `x@py[...]`
        (Python's indexing), or None when `node` is neither."""
        accessor = node.obj
        if not (isinstance(accessor, Dollar) and accessor.op == "@"
                and accessor.name in ("r", "py") and not node.double):
            return None
        obj = self.expr(accessor.obj, ctx)
        python = accessor.name == "py"
        parts = []
        for arg in node.args:
            if arg.name is not None:
                self.error(f"`@{accessor.name}[` takes no named arguments", arg)
            parts.append(self.slice_arg(arg.value, ctx, python, arg))
        out = []
        for i, part in enumerate(parts):
            out.extend([", "] if i else [])
            out.append(part)
        if python:
            return code(wrap(obj, ATOM), "[", *(out or ["()"]), (node.end_line, "]"))
        return code((node.line, "op_subset("), obj, *([", "] if out else []), *out,
                    (node.end_line, ")"))

    def slice_arg(self, value: Node | None, ctx: Context, python: bool, at: Node) -> Code:
        if value is None:
            return code(":" if python else "slice(None)")
        if isinstance(value, Name) and value.name == "..":
            return code("...")
        if isinstance(value, Const) and value.name == "NA":
            return code("None")
        if isinstance(value, Binary) and value.op == ":":
            bounds = []
            inner = value
            while isinstance(inner, Binary) and inner.op == ":" and len(bounds) < 2:
                bounds.insert(0, inner.right)
                inner = inner.left
            bounds.insert(0, inner)
            parts = [code("None") if isinstance(b, Const) and b.name == "NA"
                     else self.expr(b, ctx) for b in bounds]
            if python:
                return code(*[x for i, p in enumerate(parts) for x in ([":"] if i else []) + [p]])
            return code("slice(", *[x for i, p in enumerate(parts)
                                    for x in ([", "] if i else []) + [p]], ")")
        return self.expr(value, ctx)

    def index(self, node: Index, ctx: Context) -> Code:
        tensor = self.tensor_index(node, ctx)
        if tensor is not None:
            return tensor
        obj = self.expr(node.obj, ctx)
        if node.double:
            if len(node.args) != 1 or node.args[0].name is not None:
                self.error("`[[` takes one index", node)
            value = node.args[0].value
            literal = isinstance(node.obj, (Num, Str, Const))  # R's 5[[1]] is 5
            if isinstance(value, Num) and value.text.isdigit() and int(value.text) >= 1 \
                    and not literal:
                return code(wrap(obj, ATOM), f"[{int(value.text) - 1}]")
            if isinstance(value, Str) and not literal:
                return code(wrap(obj, ATOM), "[", self.expr(value, ctx), "]")
            return code((node.line, "r_get("), obj, ", ", self.expr(value, ctx), ")")
        if not node.args:
            return code((node.line, "r_subset("), obj, (node.end_line, ")"))
        return code((node.line, "r_subset("), obj, ", ", self.index_args(node, ctx),
                    (node.end_line, ")"))

    # -- pipes ----------------------------------------------------------------------------
    def pipe(self, node: Binary, ctx: Context) -> Code:
        rhs, lhs_node = node.right, node.left
        if isinstance(rhs, Paren):
            rhs = rhs.expr
        if node.op == "%>%" and isinstance(rhs, (Name, Namespace)):
            rhs = Call(rhs, [], line=rhs.line, col=rhs.col, end_line=rhs.end_line)
        placeholder = "_" if node.op == "|>" else "."
        root = rhs
        while isinstance(root, (Index, Dollar)):
            root = root.obj
        if isinstance(root, Name) and root.name == placeholder and rhs is not root:
            # x |> _$a[[1]] (R 4.3's extraction), x %>% .$a: the left side in place of `_`
            return self.with_lhs(self.expr(lhs_node, ctx), substitute(rhs, placeholder), ctx)
        if node.op == "%>%" and isinstance(rhs, Block) and len(rhs.body) == 1:
            # x %>% { f(.) + . }: the block's expression with `.` the left side
            return self.with_lhs(self.expr(lhs_node, ctx),
                                 substitute(rhs.body[0], placeholder), ctx)
        if node.op == "%>%" and isinstance(rhs, Function):
            rhs = Call(node.right, [], line=rhs.line, col=rhs.col, end_line=rhs.end_line)
        if not isinstance(rhs, Call):
            self.error(f"the right side of `{node.op}` must be a function call", node.right)
        top = [i for i, a in enumerate(rhs.args)
               if isinstance(a.value, Name) and a.value.name == placeholder]
        nested = any(isinstance(n, Name) and n.name == placeholder
                     for a in rhs.args if a.value is not None for n in walk(a.value))
        lhs = self.expr(lhs_node, ctx)
        if top or nested:
            if node.op == "|>" and (not top or any(rhs.args[i].name is None for i in top)):
                self.error("`_` (the pipe's placeholder) must be a named argument", node.right)
            args = [Arg(a.name, substitute(a.value, placeholder), line=a.line, col=a.col)
                    for a in rhs.args]
            if not top:  # magrittr: `.` only nested, the left side still goes first
                args.insert(0, Arg(None, PLACEHOLDER, line=rhs.line, col=rhs.col))
            call = Call(rhs.func, args, line=rhs.line, col=rhs.col, end_line=rhs.end_line)
            saved = ctx.translator.__dict__.setdefault("_lhs", [])
            saved.append(lhs)
            try:
                return self.call(call, ctx)
            finally:
                saved.pop()
        name = self.func_name(rhs)
        if name is not None and not (isinstance(rhs.func, Name) and rhs.func.backticked):
            py = self.py_name(name, rhs.func, check=False)
            named = None if py in self.defined else composed_arguments(py, rhs.args)
            if named is not None:
                args = [Arg(n, a.value, line=a.line, col=a.col) for n, a in named]
                call = Call(rhs.func, args, line=rhs.line, col=rhs.col, end_line=rhs.end_line)
                return code(wrap(lhs, P_BOR), " | ", wrap(self.call(call, ctx), P_BOR + 1),
                            prec=P_BOR)
        if not rhs.args and isinstance(rhs.func, Name) and rhs.func.name in self.layer_values:
            # `model |> base_model()`: a layer or model the script made, called on what is
            # piped; R keras3 adds it to a Sequential model, which Python's pipe does
            return code(wrap(lhs, P_BOR), " | ", self.expr(rhs.func, ctx), prec=P_BOR)
        args = [Arg(None, PLACEHOLDER, line=node.line, col=node.col), *rhs.args]
        call = Call(rhs.func, args, line=rhs.line, col=rhs.col, end_line=rhs.end_line)
        self.__dict__.setdefault("_lhs", []).append(lhs)
        try:
            return self.call(call, ctx)
        finally:
            self._lhs.pop()


def _with_lhs(self, lhs: Code, node: Node, ctx: Context) -> Code:
    self.__dict__.setdefault("_lhs", []).append(lhs)
    try:
        return self.expr(node, ctx)
    finally:
        self._lhs.pop()


Translator.with_lhs = _with_lhs


class _Placeholder(Node):
    pass


PLACEHOLDER = _Placeholder()


def _expr_with_placeholder(original):
    def expr(self, node, ctx, *args, **kwargs):
        if node is PLACEHOLDER:
            return code(*self._lhs[-1].segs, prec=self._lhs[-1].prec)
        return original(self, node, ctx, *args, **kwargs)
    return expr


Translator.expr = _expr_with_placeholder(Translator.expr)


def substitute(node, placeholder: str):
    """`node` with the pipe's placeholder name replaced by the left side."""
    if node is None:
        return None
    if isinstance(node, Name) and node.name == placeholder:
        return PLACEHOLDER
    if isinstance(node, Function):
        return node
    if isinstance(node, Node):
        new = object.__new__(type(node))
        new.__dict__.update({k: substitute(v, placeholder) for k, v in vars(node).items()})
        return new
    if isinstance(node, list):
        return [substitute(v, placeholder) for v in node]
    return node


def walk(node):
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, list):
            stack.extend(n)
        elif isinstance(n, Node):
            yield n
            stack.extend(v for v in vars(n).values() if isinstance(v, (Node, list)))


# Calls whose value is a layer or a model: a name assigned one is piped as it is
# (`x |> base_model()` is `x | base_model`), as R keras3 composes a called layer.
LAYER_MAKERS = ("layer_", "application_", "keras_model", "load_model", "clone_model",
                "get_layer", "rnn_cell")


# -- composing: read from the package's R signatures ----------------------------------------
@functools.cache
def r_signature(name: str):
    """(composes, the parameters after the first) of the package's function `name`, or
    None when the package has no such function (or it does not compose)."""
    import rstyle_keras
    from rstyle_keras.r.verb_table import VERBS

    func = getattr(rstyle_keras, name, None)
    if func is None or not callable(func) or name not in getattr(rstyle_keras, "__all__", ()):
        return None
    try:
        params = list(inspect.signature(func).parameters.values())
    except (TypeError, ValueError):
        return None
    if not params:
        return None
    first = params[0]
    verbs = {row[0] for row in VERBS}
    takes_none = first.default is None and first.kind in (
        first.POSITIONAL_ONLY, first.POSITIONAL_OR_KEYWORD)
    composes = takes_none and (name.startswith("layer_") or name in verbs
                               or first.name in ("object", "model"))
    return params[1:] if composes else None


@functools.cache
def package_function(name: str) -> bool:
    """Whether translated code's imports (rstyle_keras, its R base and syntax modules)
    give `name` as a function."""
    import rstyle_keras
    from rstyle_keras.r import base, syntax

    return any(name in getattr(module, "__all__", ()) and callable(getattr(module, name))
               for module in (rstyle_keras, base, syntax))


def composed_arguments(name: str, args: list[Arg]):
    """The call's arguments, all named after R's formals (the piped one left out), when
    `name` composes (`x | f(...)`); else None (`f(x, ...)`)."""
    params = r_signature(name)
    if params is None:
        return None
    P = inspect.Parameter
    given = {a.name.replace(".", "_") for a in args if a.name}
    free = [p for p in params if p.kind in (P.POSITIONAL_OR_KEYWORD, P.KEYWORD_ONLY)
            and p.name not in given]
    slots = [p for p in params if p.kind is P.POSITIONAL_OR_KEYWORD and p.name not in given]
    del free
    out = []
    for arg in args:
        if arg.name is not None:
            out.append((arg.name, arg))
            continue
        if arg.value is None or (isinstance(arg.value, Name) and arg.value.name == "..."):
            return None
        if not slots:
            return None  # it would land in `...`: keep R's call as it is
        out.append((slots.pop(0).name, arg))
    return out


def matched_arguments(name: str, args: list[Arg]):
    """The call's arguments named after the package function's parameters (R's matching:
    names first, then positions; an empty argument leaves its parameter missing), or None
    when `name` is not the package's or a position would land in `...`."""
    import rstyle_keras

    if name not in getattr(rstyle_keras, "__all__", ()):
        return None
    try:
        params = list(inspect.signature(getattr(rstyle_keras, name)).parameters.values())
    except (TypeError, ValueError):
        return None
    P = inspect.Parameter
    given = {a.name.replace(".", "_") for a in args if a.name}
    slots = [p for p in params if p.kind is P.POSITIONAL_OR_KEYWORD and p.name not in given]
    out = []
    for arg in args:
        if arg.name is not None:
            out.append((arg.name, arg))
            continue
        if not slots or (isinstance(arg.value, Name) and arg.value.name == "..."):
            return None
        slot = slots.pop(0)
        if arg.value is not None:
            out.append((slot.name, arg))
    return out


# R's data constructors: the argument whose literal's type makes the data's dtype
DATA_ARGUMENTS = {"op_array": [("x", 0)], "op_convert_to_tensor": [("x", 0)],
                  "array": [("data", 0)], "matrix": [("data", 0)], "rep": [("x", 0)],
                  "op_full": [("fill_value", 1)], "op_full_like": [("fill_value", 1)],
                  "op_arange": [("start", 0), ("end", 1), ("step", 2)]}


def typed_literals(node: Call, name: str) -> Call:
    """The call with its literals typed where R's type shows and Python's int would read
    otherwise: `5L` inside `c()` or `list()` is `RInteger(5)` (they take bare ints as R's
    doubles);
    a whole double literal as the data of a constructor (`op_array(5)`, `array(0, ...)`)
    is a float (`op_array(5.0)`: float32, as in R)."""

    def literal(value):
        negative = isinstance(value, Unary) and value.op == "-" and isinstance(
            value.operand, Num)
        num = value.operand if negative else value
        return (num, "-" if negative else "") if isinstance(num, Num) else (None, "")

    def retyped(arg: Arg, text) -> Arg:
        num, sign = literal(arg.value)
        new = Num(text(sign + num.text), True, num.r_integer, line=arg.value.line,
                  col=arg.value.col)
        return Arg(arg.name, new, line=arg.line, col=arg.col)

    args = list(node.args)
    if name in ("c", "list"):
        for i, arg in enumerate(args):
            num, _ = literal(arg.value)
            if num is not None and num.r_integer:
                args[i] = retyped(arg, lambda t: f"RInteger({t})")
    elif name in DATA_ARGUMENTS:
        unnamed = [i for i, a in enumerate(args) if a.name is None]
        given = {a.name for a in args}
        for key, position in DATA_ARGUMENTS[name]:
            named = [i for i, a in enumerate(args) if a.name == key]
            # R's matching: unnamed arguments fill the parameters not named
            slot = position - sum(1 for k, p in DATA_ARGUMENTS[name] if p < position
                                  and k in given)
            i = named[0] if named else unnamed[slot] if len(unnamed) > slot else None
            num, _ = literal(args[i].value) if i is not None else (None, "")
            if num is not None and num.integer and not num.r_integer:
                args[i] = retyped(args[i], lambda t: t + ".0")
    else:
        return node
    return Call(node.func, args, line=node.line, col=node.col, end_line=node.end_line)


def is_r_vector(node: Node) -> bool:
    """Whether `for` may walk `node` as Python does: `a:b`, `seq_len(n)`, `seq_along(x)`
    (R vectors whatever their values); anything else goes through `r_iter()`."""
    if isinstance(node, Paren):
        return is_r_vector(node.expr)
    if isinstance(node, Binary) and node.op == ":":
        return True
    return (isinstance(node, Call) and isinstance(node.func, Name)
            and node.func.name in ("seq_len", "seq_along"))


# -- text helpers ----------------------------------------------------------------------------
def parses(prefix: str, text: list, suffix: str) -> bool:
    """Whether a multi-line statement is valid Python as it is (its breaks in brackets)."""
    # continuation lines indented: a break outside brackets is then an error here
    source = prefix.replace("elif ", "if ", 1) + "\n ".join(t for _, t in text) + suffix
    if source.endswith(":"):
        source += " pass"
    try:
        ast.parse(source)
    except SyntaxError:
        return False
    return True


def render(c: Code, start: int) -> list:
    """Physical lines [(R line, text)]: a new line wherever R had one (after `start`)."""
    lines = [[start, ""]]
    for line, text in c.segs:
        if line and line > lines[-1][0]:
            lines.append([line, text])
        else:
            lines[-1][1] += text
    return [(line, text.rstrip() if i < len(lines) - 1 else text)
            for i, (line, text) in enumerate(lines)]


def py_string(value: str) -> str:
    """A Python string literal (double quotes, as R's are mostly written)."""
    out = []
    for ch in value:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\r":
            out.append("\\r")
        elif not ch.isprintable():
            out.append(f"\\x{ord(ch):02x}" if ord(ch) < 256 else f"\\u{ord(ch):04x}"
                       if ord(ch) < 65536 else f"\\U{ord(ch):08x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def translate_program(source: str, filename: str | None = None) -> Translation:
    """R source -> Translation (the Python text and each Python line's R line)."""
    program = parse(source, filename)
    return Translator(program, filename).run()


def translate(source: str, filename: str | None = None) -> str:
    """R source -> Python source, line for line (see the module's help)."""
    return translate_program(source, filename).python
