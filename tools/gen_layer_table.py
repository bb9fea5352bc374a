"""Regenerate `rstyle_keras/r/layer_table.py` from an rstudio/keras3 checkout.

    python tools/gen_layer_table.py /path/to/keras3 > rstyle_keras/r/layer_table.py

It reads facts only: each exported `layer_*`/`rnn_cell*` function's name, its formals
(argument names, order and R defaults, rewritten as Python literals), the Keras class it
makes, and the converter each argument goes through (`capture_args()`'s modifiers).
Converters for R's `...` (input_shape, batch_size, batch_input_shape) are left out: the
generic path applies them to every layer's `**kwargs`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

DOTS = {"input_shape", "batch_size", "batch_input_shape"}
# Converters given as R lambdas in keras3, by (function, argument).
LAMBDA_CONVERTERS = {
    ("layer_cropping_2d", "cropping"): "normalize_cropping_2d",
    ("layer_cropping_3d", "cropping"): "normalize_cropping_3d",
    ("layer_zero_padding_2d", "padding"): "normalize_padding_2d",
    ("layer_zero_padding_3d", "padding"): "normalize_padding_3d",
    ("layer_permute", "dims"): "as_integer_tuple_forced",
    ("layer_reshape", "target_shape"): "normalize_target_shape",
    ("layer_text_vectorization", "ngrams"): "as_integer_tuple",
    ("layer_feature_space", "features"): None,  # R's as.list(): a Python dict already is one
}
KINDS = {  # functions whose body is not the plain create-and-compose
    **dict.fromkeys(
        ["layer_add", "layer_average", "layer_concatenate", "layer_dot", "layer_maximum",
         "layer_minimum", "layer_multiply", "layer_subtract"], "merge"),
    "layer_multi_head_attention": "inputs",
    "layer_pipeline": "constructor",
    "rnn_cell_gru": "constructor", "rnn_cell_lstm": "constructor",
    "rnn_cell_simple": "constructor", "rnn_cells_stack": "cells",
}
RENAMES = {"layer_lambda": {"f": "function"}}
CLASSES = {"layer_pipeline": "Pipeline"}


def closing(s: str, i: int) -> int:
    """Index of the bracket closing s[i], skipping strings and comments."""
    pairs = {"(": ")", "{": "}"}
    depth, quote, j = 0, None, i
    while j < len(s):
        ch = s[j]
        if quote:
            if ch == "\\":
                j += 2
                continue
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
        elif ch == "#":
            j = s.index("\n", j)
            continue
        elif ch == s[i]:
            depth += 1
        elif ch == pairs[s[i]]:
            depth -= 1
            if depth == 0:
                return j
        j += 1
    raise ValueError("unbalanced")


def split_top(s: str) -> list[str]:
    parts, depth, cur, quote = [], 0, "", None
    for ch in s:
        if quote:
            cur += ch
            if ch == quote:
                quote = None
            continue
        if ch in "\"'":
            quote = ch
        depth += ch in "([{"
        depth -= ch in ")]}"
        if ch == "," and depth == 0:
            parts.append(cur.strip())
            cur = ""
        else:
            cur += ch
    return parts + ([cur.strip()] if cur.strip() else [])


def py_literal(r: str) -> str:
    r = re.sub(r"\s+", " ", r.strip())
    if r == "NULL":
        return "None"
    if r in ("TRUE", "FALSE"):
        return r.title()
    if re.fullmatch(r"-?[\d.]+(e-?\d+)?L?", r):
        return r.rstrip("L")
    if re.fullmatch(r"\"[^\"]*\"|'[^']*'", r):
        return repr(r[1:-1])
    m = re.fullmatch(r"(list|c|tuple)\((.*)\)", r)
    if m:
        items = [py_literal(x) for x in split_top(m.group(2))]
        return "(" + ", ".join(items) + ("," if len(items) == 1 else "") + ")"
    raise ValueError(f"no Python literal for R default {r!r}")


def rows(keras3: Path):
    sources = "\n".join(p.read_text() for p in sorted((keras3 / "R").glob("*.R")))
    namespace = (keras3 / "NAMESPACE").read_text()
    names = re.findall(r"^export\(((?:layer_|rnn_cell)\w*)\)$", namespace, re.M)
    for name in names:
        m = re.search(rf"^{name}\s*<-\s*\n?\s*function\s*\(", sources, re.M)
        if not m:
            continue  # layer_input is an alias of keras_input (a model function)
        end = closing(sources, m.end() - 1)
        formals = split_top(sources[m.end():end])
        body = sources[sources.index("{", end):closing(sources, sources.index("{", end)) + 1]
        cls = re.search(r"create_layer\(keras\$(?:layers|utils)\$(\w+)", body)
        kind = KINDS.get(name, "layer")
        converters = {}
        cap = body.find("capture_args(")
        if cap >= 0:
            start = body.index("list(", cap) + 4
            for item in split_top(body[start + 1:closing(body, start)]):
                arg, _, conv = (x.strip() for x in item.partition("="))
                if arg in DOTS:
                    continue
                conv = LAMBDA_CONVERTERS.get((name, arg), conv)
                if conv:
                    converters[arg] = conv
        params = []
        for formal in formals:
            arg, eq, default = (x.strip() for x in formal.partition("="))
            if arg == "object":
                continue
            params.append(arg if not eq else f"{arg}={py_literal(default)}")
        yield name, CLASSES.get(name) or cls.group(1), kind, params, converters


def main(keras3: str) -> None:
    print('"""R keras3\'s layer catalogue: a row per exported `layer_*()`/`rnn_cell*()` function.')
    print()
    print("Generated by tools/gen_layer_table.py from rstudio/keras3's NAMESPACE and R/*.R:")
    print("the R name, the Keras class it makes, what kind of first argument it takes, its")
    print("arguments after `object` with R's defaults (as Python literals; `...` is R's dots),")
    print("and the R converter each argument goes through (`rstyle_keras.r.converters`).")
    print('"""')
    print()
    print("# (R name, Keras class, kind, arguments, converters)")
    print("LAYERS = [")
    for name, cls, kind, params, converters in rows(Path(keras3)):
        print(f"    ({name!r}, {cls!r}, {kind!r},")
        line = "     " + repr(", ".join(params)) + ","
        if len(line) <= 99:
            print(line)
        else:
            print("     " + "(")
            chunk = ""
            for p in params:
                piece = p + ", "
                if len(repr(chunk + piece)) + 9 > 99:
                    print("         " + repr(chunk))
                    chunk = ""
                chunk += piece
            print("         " + repr(chunk.rstrip(", ")) + "),")
        line = f"     {converters!r}),"
        if len(line) <= 99:
            print(line)
        else:
            print("     {")
            for arg, conv in converters.items():
                print(f"         {arg!r}: {conv!r},")
            print("     }),")
    print("]")


if __name__ == "__main__":
    main(sys.argv[1])
