"""Run an R script: translate, compile with the R file's lines, print as R's console.

The Python is compiled from its syntax tree with every line number set back to the R
line it comes from and with the R file's name, so a traceback shows the R file, its line
number and (read from the file) its R line. Top-level expressions print their value
unless it is None or the call is one R runs for its effect (R's invisible results:
`fit()`, `compile()`, `print()`, `library()`, ...), as R's console does.
"""

from __future__ import annotations

import ast
import builtins
import os
import sys

from . import translate_any

# R functions whose value R does not print at top level (they return it invisibly).
INVISIBLE = frozenset({
    "print", "cat", "invisible", "compile", "fit", "summary", "plot", "set_seed", "str",
    "message", "warning", "stopifnot", "writeLines", "save_model", "save_model_weights",
    "save_model_config", "load_model_weights", "freeze_weights", "unfreeze_weights",
    "set_weights", "adapt", "set_random_seed", "use_backend", "reset_state",
    "export_savedmodel", "set_vocabulary", "library", "require", "suppressWarnings",
    "suppressMessages", "options", "clear_session", "lines", "points", "abline", "grid",
    "legend", "title", "hist",
})


def called_name(node: ast.AST) -> str | None:
    """The function a top-level expression calls (`f(...)`, `x | f(...)`, `m.f(...)`)."""
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):  # x | verb(...)
        return called_name(node.right)
    if isinstance(node, ast.Call):
        if isinstance(node.func, ast.Name):
            return node.func.id
        if isinstance(node.func, ast.Attribute):
            return node.func.attr
    return None


def prints(node: ast.Expr) -> bool:
    """Whether R's console would print this top-level expression's value."""
    name = called_name(node.value)
    if name is None:
        return not isinstance(node.value, ast.Constant) or node.value.value is not None
    return not (name in INVISIBLE or name.endswith("_set")
                or name.startswith(("config_set", "config_enable", "config_disable")))


def autoprint(value, callee: str | None = None) -> None:
    """R's console: print a top-level value (None is R's NULL of effects: not printed)."""
    if value is None:
        return
    if (callee or "").startswith("layer_") and type(value).__name__ == "Sequential":
        return  # a layer added to a Sequential model: R returns the model invisibly
    try:
        from rstyle_keras.r import base
        show = getattr(base, "print", builtins.print)
    except ImportError:  # the R base helpers are not there: Python's print
        show = builtins.print
    show(value)


def compile_r(source: str, filename: str, echo_values: bool = True):
    """R source -> a code object whose line numbers are the R file's."""
    translation = translate_any(source, filename)
    tree = ast.parse(translation.python, filename)
    origin = translation.origin
    r_lines = [line.encode() for line in source.splitlines()]
    if echo_values:
        for i, node in enumerate(tree.body):
            if isinstance(node, ast.Expr) and prints(node):
                call = ast.Call(ast.Name("__r_autoprint__", ast.Load()),
                                [node.value, ast.Constant(called_name(node.value))], [])
                tree.body[i] = ast.copy_location(ast.Expr(ast.copy_location(call, node)), node)
    for node in ast.walk(tree):
        if hasattr(node, "lineno") and node.lineno:
            start = origin[node.lineno - 1] if node.lineno <= len(origin) else node.lineno
            end = getattr(node, "end_lineno", None) or node.lineno
            end = origin[end - 1] if end <= len(origin) else end
            node.lineno, node.end_lineno = start, max(start, end)
            # Python's columns are not R's: the whole R line (a traceback shows no carets)
            node.col_offset = len(r_lines[start - 1]) - len(r_lines[start - 1].lstrip()) \
                if start <= len(r_lines) else 0
            node.end_col_offset = len(r_lines[end - 1].rstrip()) if end <= len(r_lines) else 0
    ast.fix_missing_locations(tree)
    return compile(tree, filename, "exec")


def run_source(source: str, filename: str, engine: str | None = "keras",
               echo_values: bool = True, overrides: dict | None = None) -> dict:
    """Translate and run R source; returns the namespace it ran in.

    `engine`: set with config_set_engine() first (None: leave the setting).
    `overrides`: names given to the script, and swapped in the package for the run so
    that the script's import line takes them: the hook for tests and examples that must
    not download (`overrides={"dataset_mnist": small_synthetic_mnist}`).
    """
    import rstyle_keras

    code = compile_r(source, filename, echo_values)
    if engine is not None:
        rstyle_keras.config_set_engine(engine)
    namespace = {"__name__": "__main__", "__file__": filename, "__builtins__": builtins,
                 "__r_autoprint__": autoprint, **(overrides or {})}
    saved = {name: getattr(rstyle_keras, name, _MISSING) for name in overrides or {}}
    try:
        for name, value in (overrides or {}).items():
            setattr(rstyle_keras, name, value)
        exec(code, namespace)
    finally:
        for name, value in saved.items():
            if value is _MISSING:
                delattr(rstyle_keras, name)
            else:
                setattr(rstyle_keras, name, value)
    return namespace


_MISSING = object()


def headless_plots() -> None:
    """No plot windows in a script run (Rscript opens none): matplotlib's Agg backend
    unless MPLBACKEND chooses one."""
    os.environ.setdefault("MPLBACKEND", "Agg")


def save_plots(path: str = "Rplots.pdf") -> None:
    """Rscript's device: the figures the script left open, one page each, in Rplots.pdf
    (nothing when it drew none; matplotlib is not imported for that)."""
    plt = sys.modules.get("matplotlib.pyplot")
    if plt is None or not plt.get_fignums():
        return
    from matplotlib.backends.backend_pdf import PdfPages

    with PdfPages(path) as pdf:
        for number in plt.get_fignums():
            pdf.savefig(plt.figure(number))
