"""The package's layout: no import cycles, and the rooms import only downwards.

The graph is read from the source (every `import`, at module level or inside a function),
so a lazy import counts as much as an eager one.

    translator (R scripts -> Python)  ->  package, r
    r (R surface)  ->  dispatch  ->  core (NumPy core)
          |                |
          +--> engine <----+--> keras_adapter (Keras) --> engine

The translator sits above the R surface: it reads the package's R signatures. Only the
package's lazy `rstyle_keras.translate()` and `__main__` import it (that edge, lazy, is the
one left out of the cycle check).
"""

from __future__ import annotations

import ast
from pathlib import Path

import rstyle_keras

ROOT = Path(rstyle_keras.__file__).parent
PACKAGE = "rstyle_keras"


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in ROOT.rglob("*.py")}


def imports_of(name: str) -> set[str]:
    """The package's modules that `name` imports (explicitly, anywhere in its source)."""
    path = MODULES[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([base] if base else []))
            # `from x import y`: y may be a submodule of x, else an attribute of x
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base
                       for a in node.names]
        else:
            continue
        found.update(t for t in targets if t in MODULES and t != name)
    return found


GRAPH = {name: imports_of(name) for name in MODULES}
# the package's lazy hook `rstyle_keras.translate()`: the translator imports the package
LAZY_HOOK = {(PACKAGE, f"{PACKAGE}.translator")}


def find_cycle() -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(node, path):
        state[node] = 1
        for nxt in sorted(GRAPH[node]):
            if (node, nxt) in LAZY_HOOK:
                continue
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt, path + [nxt])):
                return cycle
        state[node] = 2
        return None

    for start in sorted(GRAPH):
        if start not in state and (cycle := visit(start, [start])):
            return cycle
    return None


def test_the_graph_sees_lazy_imports():
    # r.helpers and the layer's pipe used to import lazily; the reader must see such imports
    assert f"{PACKAGE}.dispatch" in GRAPH[f"{PACKAGE}.r.layers"]
    assert f"{PACKAGE}.core.layers.serialization" in GRAPH[f"{PACKAGE}.core.models.sequential"]
    assert len(GRAPH) > 30


def test_no_import_cycles():
    assert find_cycle() is None, " -> ".join(find_cycle())


def _room(name: str) -> str:
    rest = name[len(PACKAGE) + 1:]
    return rest.split(".")[0] if rest else "package"


def test_the_core_imports_only_the_core():
    for name, targets in GRAPH.items():
        if _room(name) == "core":
            outside = {t for t in targets if _room(t) != "core"}
            assert not outside, f"{name} imports {outside}"


def test_engine_and_adapter_sit_below_the_dispatcher():
    assert GRAPH[f"{PACKAGE}.engine"] == set()
    assert GRAPH[f"{PACKAGE}.keras_adapter"] <= {f"{PACKAGE}.engine"}
    assert not {t for t in GRAPH[f"{PACKAGE}.dispatch"] if _room(t) == "r"}


def test_only_the_r_surface_and_the_package_use_the_r_modules():
    for name, targets in GRAPH.items():
        if _room(name) not in ("r", "package", "spec_examples", "__main__", "translator"):
            assert not {t for t in targets if _room(t) == "r"}, name


def test_only_the_package_hook_and_main_import_the_translator():
    for name, targets in GRAPH.items():
        if _room(name) not in ("translator", "package", "__main__"):
            assert not {t for t in targets if _room(t) == "translator"}, name
        if _room(name) == "package":
            assert {t for t in targets if _room(t) == "translator"} <= {
                f"{PACKAGE}.translator"}


def test_the_translator_imports_only_the_package_and_the_r_surface():
    for name, targets in GRAPH.items():
        if _room(name) == "translator":
            outside = {t for t in targets if _room(t) not in ("translator", "package", "r")}
            assert not outside, f"{name} imports {outside}"


def test_import_does_not_load_the_translator():
    import subprocess
    import sys

    code = ("import sys, rstyle_keras; "
            "print(any(m.startswith('rstyle_keras.translator') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT.parent)
    assert out.stdout.strip() == "False", out.stderr


# Standard-library and NumPy modules that only some functions need (saving, datasets,
# seeds, the NumPy kernels' threads, tensorboard()): they are imported where used, since
# loading them took about 20 of the 50 ms that `import rstyle_keras` took after numpy.
LOADED_WHEN_USED = ("numpy.random", "concurrent.futures", "json", "tempfile", "shutil",
                    "urllib.parse", "hashlib", "dataclasses")


def test_import_leaves_the_modules_some_functions_need_to_them():
    import subprocess
    import sys

    code = ("import sys, numpy; before = set(sys.modules); import rstyle_keras; "
            f"print(sorted(m for m in {LOADED_WHEN_USED!r} if m in sys.modules and "
            "m not in before))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_what_import_leaves_out_still_works_when_used():
    import numpy as np

    from rstyle_keras import (
        c,
        keras_model_sequential,
        layer_average_pooling_2d,
        model_from_json,
        random_uniform,
    )

    assert random_uniform(c(2, 3)).shape == (2, 3)  # numpy.random, on the first draw
    model = keras_model_sequential(input_shape=c(4, 4, 1)) | layer_average_pooling_2d(
        pool_size=c(2, 2))
    again = model_from_json(model.to_json())  # json, both ways
    x = np.arange(16, dtype="float32").reshape(1, 4, 4, 1)
    np.testing.assert_array_equal(np.asarray(again(x)), np.asarray(model(x)))
