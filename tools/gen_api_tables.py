"""Regenerate `rstyle_keras/r/api_tables.py` from an rstudio/keras3 checkout.

    python tools/gen_api_tables.py /path/to/keras3 > rstyle_keras/r/api_tables.py

One table per family of R keras3's exported functions beyond the layers: `op_*()` (the
ones listed in OPS below; issue 10 lists the rest), `random_*()`, `optimizer_*()`,
`loss_*()`, `application_*()`, `callback_*()`, `metric_*()`, `activation_*()`,
`initializer_*()`, `regularizer_*()`, `constraint_*()`, `learning_rate_schedule_*()`,
`config_*()`, `feature_*()` and the utilities (FAMILIES below). Like
tools/gen_layer_table.py it reads facts only, from NAMESPACE and R/*.R: each function's
name, its formals (argument names, order and R defaults, as Python literals), the Keras
object it calls (`do.call(keras$<module>$<name>, args)`), the converter of each argument
(`capture_args()`'s modifiers), the arguments R leaves out of the call (`ignore =`), and
what kind of body it has. Bodies that are not `capture_args()` + `do.call()` are described
in HAND; what this tool changes from R's sources (an R omission or bug) is in FIXES, with
the reason, and reported by the tests.
"""

from __future__ import annotations

import fnmatch
import re
import sys
from pathlib import Path

from gen_layer_table import closing, py_literal, split_top

# The op_*() functions made here (R/ops*.R); issue 10 adds the others.
OPS = [
    "op_array", "op_reshape", "op_shape", "op_convert_to_numpy", "op_average_pool",
    "op_max_pool", "op_zeros", "op_ones", "op_stack", "op_matmul", "op_expand_dims",
    "op_argmax",
]

# R keras3's utilities whose body is a Keras call (rstyle_keras/r/utilities.py makes them;
# the others of issue 11's 36 are written by hand there and in r/serialization.py).
UTILITIES = [
    "audio_dataset_from_directory", "deserialize_keras_object", "get_custom_objects",
    "get_file", "get_registered_name", "get_registered_object", "get_source_inputs",
    "image_array_save", "image_dataset_from_directory", "image_from_array", "image_load",
    "image_smart_resize", "image_to_array", "imagenet_decode_predictions",
    "imagenet_preprocess_input", "keras_variable", "normalize", "pad_sequences",
    "serialize_keras_object", "split_dataset", "text_dataset_from_directory",
    "timeseries_dataset_from_array",
]

# family table -> how its names are chosen from NAMESPACE
FAMILIES = {
    "OPS": OPS,
    "RANDOM": r"random_\w+",
    "OPTIMIZERS": r"optimizer_\w+",
    "LOSSES": r"loss_\w+",
    "APPLICATIONS": r"application_\w+",
    "UTILITIES": UTILITIES,
    "CALLBACKS": r"callback_\w+",
    "METRICS": r"metric_\w+",
    "ACTIVATIONS": r"activation_\w+",
    "INITIALIZERS": r"initializer_\w+",
    "REGULARIZERS": r"regularizer_\w+",
    "CONSTRAINTS": r"constraint_\w+",
    "LEARNING_RATE_SCHEDULES": r"learning_rate_schedule_\w+",
    # the ones the core made first read and set the core's settings (core/config.py)
    "CONFIG": r"config_(?!floatx$|image_data_format$|set_image_data_format$)\w+",
    "FEATURES": r"feature_\w+",  # layer_feature_space()'s helpers
}

# Functions whose R body is not `capture_args()` + `do.call()`: (target, kind, converters).
HAND = {
    # R: storage.mode(x) <- "integer" when dtype names an integer type; ops.array casts
    "op_array": ("ops.array", "function", {}),
    # R: ops$reshape(as_py_array(x), tuple(lapply(shape(newshape), \(d) d %||% -1L)))
    "op_reshape": ("ops.reshape", "function", {"newshape": "normalize_target_shape"}),
    "op_shape": ("ops.shape", "function", {}),
    "op_convert_to_numpy": ("ops.convert_to_numpy", "function", {}),
    # R: an R vector beside a tensor becomes a tensor of that tensor's dtype
    "op_matmul": ("ops.matmul", "matmul", {}),
    # R: the model's preprocessing/decoding function (set by the application_*() call)
    "application_preprocess_inputs": (None, "preprocess_inputs", {}),
    "application_decode_predictions": (None, "decode_predictions", {"top": "as_integer"}),
    # R: Keras's download, which rstyle_keras guards when there is no network
    "get_file": ("utils.get_file", "download", {}),
    # R: resolve_py_obj(obj): an R constructor stands for its Keras class
    "get_registered_name": ("saving.get_registered_name", "utility", {"obj": "resolve_py_obj"}),
    # R: save_img(), then invisible(x)
    "image_array_save": ("utils.save_img", "save_image", {}),
    # R: dtype NULL or "double" -> "float64", "integer" -> "int32"
    "image_to_array": ("utils.img_to_array", "image_to_array", {}),
    # R: a data frame per sample (class_name, class_description, score)
    "imagenet_decode_predictions": ("applications.imagenet_utils.decode_predictions",
                                    "imagenet_decode_predictions", {"top": "as_integer"}),
    # R: x as a NumPy array, copied where it is read-only
    "imagenet_preprocess_input": ("applications.imagenet_utils.preprocess_input",
                                  "imagenet_preprocess_input", {}),
    # R: keras$config$set_floatx(value); here the core's floatx follows (one setting)
    "config_set_floatx": ("config.set_floatx", "set_floatx", {}),
    # R: before Keras is loaded, use_backend(); after, keras$config$set_backend()
    "config_set_backend": ("config.set_backend", "set_backend", {}),
}

# Converters given as R lambdas, by (function, argument).
LAMBDA_CONVERTERS = {
    ("random_integer", "maxval"): "as_integer_ceiling",  # as_integer(ceiling(x))
    ("image_dataset_from_directory", "image_size"): "as_integer",  # lapply(x, as_integer)
    ("pad_sequences", "sequences"): "as_sequence_lists",  # lapply(x, as.list)
    # ifelse(x < 1, x, as_integer(x)): a fraction, or a number of samples
    ("split_dataset", "left_size"): "as_size_or_fraction",
    ("split_dataset", "right_size"): "as_size_or_fraction",
    ("metric_iou", "target_class_ids"): "as_integer_list",  # as.list(as_integer(x))
    ("metric_one_hot_iou", "target_class_ids"): "as_integer_list",  # lapply(x, as_integer)
    ("metric_mean_wrapper", "fn"): "as_py_function",  # as_py_function(x, default_name = ...)
}

# Where this table departs from R keras3's sources, and why.
FIXES = {
    # R converts `input_shape` with normalize_shape in every application but these two, so
    # there `input_shape = c(32, 32, 3)` reaches Keras as [32.0, 32.0, 3.0], which Keras
    # refuses ("Cannot convert '(32.0, 32.0, 3.0)' to a shape").
    "converters": {
        ("application_vgg19", "input_shape"): "normalize_shape",
        ("application_nasnet_mobile", "input_shape"): "normalize_shape",
        # R's numbers are doubles; where Keras insists on a Python float (it checks
        # `isinstance(x, float)`), R code's `learning_rate = 1` or `momentum = 0` written in
        # Python is an int, which Keras refuses: these become floats, as R's are.
        ("optimizer_*", "learning_rate"): "as_double",
        ("optimizer_sgd", "momentum"): "as_double",
        # R hands Keras an R matrix as a NumPy array; keras.random.categorical() needs an
        # array (it reads `logits.shape`), so R code's matrix written as nested lists
        # becomes one, as reticulate makes it.
        ("random_categorical", "logits"): "as_array",
        # R converts the other lengths of timeseries_dataset_from_array() but not this one, so
        # R code's `sequence_length = 10` reaches Keras as 10.0 (a double); an integer here.
        ("timeseries_dataset_from_array", "sequence_length"): "as_integer",
        # R's numbers are doubles, which reticulate gives Keras as float64 arrays; R code's
        # `normalize(c(3, 4))` written in Python has ints, on which Keras's normalize()
        # fails (rsqrt of int32): R data becomes a float64 array, as R's does.
        ("normalize", "x"): "as_double_array",
        # R converts `min_delta` with as_integer, so R's `min_delta = 0.01` reaches Keras
        # as 0 (`as.integer(0.01)`): a tolerance is a double; R code's whole `0` works too.
        ("callback_early_stopping", "min_delta"): "as_double",
        # Keras insists that a schedule returns a Python float; an R schedule's numbers are
        # doubles, so R code's `return(1)` written as `return 1` becomes 1.0. The epoch it
        # is given stays 0-based, as R keras3 documents.
        ("callback_learning_rate_scheduler", "schedule"): "as_schedule_function",
        # R hands Keras an R vector as an array (reticulate); the activations have no
        # converter of `x`, and Keras's softmax (and others) read `x.shape`, so R code's
        # `activation_softmax(c(1, 2))` becomes a floatx array, as R's doubles would.
        ("activation_*", "x"): "as_py_array",
        # R's `1` is a double: Keras's schedules compute in the dtype of
        # `initial_learning_rate`, so a Python int decays to 0 (ExponentialDecay(1, 100,
        # 0.5)(100) is 0); the piecewise schedule's `values` likewise (R: c(1, 0.5) doubles).
        ("learning_rate_schedule_*", "initial_learning_rate"): "as_double",
        ("learning_rate_schedule_piecewise_constant_decay", "values"): "as_double_list",
        # R: as_integer(max_value) truncates a norm of 2.5 to 2; Keras takes any number.
        ("constraint_maxnorm", "max_value"): "as_double",
        # R's doubles: Keras's epsilon() is a float (config_set_epsilon(1) would make it 1)
        ("config_set_epsilon", "value"): "as_double",
        # Keras's F-scores refuse what is not a Python float ("It should be a Python
        # float"): R's `beta = 2`, `threshold = 1` are doubles.
        ("metric_f*_score", "beta"): "as_double",
        ("metric_f*_score", "threshold"): "as_double",
    },
    # R's default, always forwarded: Keras's function requires `q` (no default), so R's
    # computing face without `q` named fails in Keras although R's formals say q = 0.5.
    "forced": {
        "loss_categorical_generalized_cross_entropy": ("q",),
    },
}

TARGET = re.compile(
    r"(?:keras\$)?(ops|random|optimizers\$schedules|optimizers|losses|applications|metrics|"
    r"activations|initializers|regularizers|constraints|config|callbacks|"
    r"utils\$FeatureSpace)\$(\w+)")
# A utility's Keras object, at any depth: keras$utils$get_file, keras$Variable, ...
KERAS_PATH = re.compile(r"keras\$(\w+(?:\$\w+)*)")


def r_function(sources: str, name: str) -> tuple[list[str], str]:
    """(formals, body) of `name <- function(...) {...}`."""
    # (R's `structure(function (x) ..., py_function_name = ...)` too)
    m = re.search(rf"^{name}\s*<-\s*\n?\s*(?:structure\(\s*)?function\s*\(", sources, re.M)
    if not m:
        raise LookupError(f"{name}: no definition in R/*.R")
    end = closing(sources, m.end() - 1)
    formals = split_top(sources[m.end():end])
    rest = sources[end + 1:]
    brace = rest.index("{") if rest.lstrip().startswith("{") else None
    if brace is None:  # a one-line body
        body = rest.split("\n\n", 1)[0]
    else:
        start = end + 1 + brace
        body = sources[start:closing(sources, start) + 1]
    return formals, body


def capture_args(name: str, body: str) -> tuple[dict, tuple]:
    """(converters, ignored arguments) of the body's `capture_args()` call."""
    cap = body.find("capture_args(")
    if cap < 0:
        return {}, ()
    call_end = closing(body, cap + len("capture_args"))
    call = body[cap + len("capture_args") + 1:call_end]
    converters = {}
    parts = split_top(call)
    if parts and parts[0].startswith("list("):
        inner = parts[0][len("list("):-1]
        for item in split_top(inner):
            arg, _, conv = (x.strip() for x in item.partition("="))
            if (name, arg) in LAMBDA_CONVERTERS:
                conv = LAMBDA_CONVERTERS[(name, arg)]
            elif not re.fullmatch(r"\w+", conv):
                raise ValueError(f"{name}: converter of {arg} is an R expression: {conv!r}")
            converters[arg] = conv
        parts = parts[1:]
    ignored = ()
    for part in parts:
        key, _, value = (x.strip() for x in part.partition("="))
        if key == "ignore":
            ignored = tuple(py_literal(value).strip("()").replace("'", "").split(", "))
    return converters, tuple(i for i in ignored if i)


def row(sources: str, name: str):
    formals, body = r_function(sources, name)
    params = []
    for formal in formals:
        arg, eq, default = (x.strip() for x in formal.partition("="))
        params.append(arg if not eq else f"{arg}={py_literal(default)}")
    # HAND describes its bodies (their converters may be R expressions)
    converters, ignored = capture_args(name, body) if name not in HAND else ({}, ())
    targets = [f"{m.group(1).replace('$', '.')}.{m.group(2)}" for m in TARGET.finditer(body)]
    if name in UTILITIES:
        targets = [m.group(1).replace("$", ".") for m in KERAS_PATH.finditer(body)]
    if name in HAND:
        target, kind, converters = HAND[name]
    elif name.startswith("loss_") or re.search(r"missing\(y_true\) && missing\(y_pred\)", body):
        target, kind = tuple(targets[:2]), "loss"  # two faces: the object, or its value
    elif name.startswith("config_"):
        target, kind = targets[0], "config"
    elif name.startswith("application_"):
        called = re.search(r"^\s*(application_\w+)\(\.\.\.\)", body, re.M)
        if formals == ["..."] and called:
            target, kind = called.group(1), "alias"
        else:
            target, kind = tuple(targets[:2]), "application"
    elif ignored == ("zero_indexed",) and re.search(r"result \+ 1L", body):
        target, kind = targets[0], "function_one_based"
    elif targets[0].split(".")[-1][0].isupper():  # a class: SeedGenerator, the optimizers
        target, kind = targets[0], "class"
    elif name in UTILITIES:  # Keras's helpers, whatever the engine (r/utilities.py)
        target, kind = targets[0], "utility"
    else:
        target, kind = targets[0], "function"
    if ignored and kind != "function_one_based":
        raise ValueError(f"{name}: ignores {ignored}; describe its body in HAND")
    for (pattern, arg), conv in FIXES["converters"].items():
        if fnmatch.fnmatchcase(name, pattern) and any(p.split("=")[0] == arg for p in params):
            converters[arg] = conv
    forced = FIXES["forced"].get(name, ())
    return name, target, kind, params, converters, forced


def rows(keras3: Path, family: str):
    sources = "\n".join(p.read_text() for p in sorted((keras3 / "R").glob("*.R")))
    namespace = (keras3 / "NAMESPACE").read_text()
    exported = re.findall(r"^export\((\w+)\)$", namespace, re.M)
    chosen = FAMILIES[family]
    if isinstance(chosen, str):
        names = [n for n in exported if re.fullmatch(chosen, n)]
    else:
        missing = set(chosen) - set(exported)
        if missing:
            raise LookupError(f"not exported by R keras3: {sorted(missing)}")
        names = list(chosen)
    return [row(sources, name) for name in names]


def wrapped(text: str, indent: str, width: int = 99) -> list[str]:
    """A Python string literal, cut into adjacent literals that fit the line."""
    if len(indent) + len(repr(text)) + 1 <= width:
        return [indent + repr(text) + ","]
    lines, chunk = [], ""
    for piece in (p + ", " for p in text.split(", ")):
        if chunk and len(indent) + 4 + len(repr(chunk + piece)) > width:
            lines.append(indent + "    " + repr(chunk))
            chunk = ""
        chunk += piece
    lines.append(indent + "    " + repr(chunk[:-2]))
    return [indent + "(", *lines, indent + "),"]


def format_row(name, target, kind, params, converters, forced) -> list[str]:
    out = [f"    ({name!r}, {target!r}, {kind!r},"]
    if len(out[0]) > 99:
        out = [f"    ({name!r},", f"     {target!r}, {kind!r},"]
    if len(out[-1]) > 99:
        out[-1:] = [f"     ({target[0]!r},", f"      {target[1]!r}), {kind!r},"]
    out += wrapped(", ".join(params), "     ")
    line = f"     {converters!r}, {forced!r}),"
    if len(line) <= 99:
        out.append(line)
    else:
        out.append("     {")
        out += [f"         {arg!r}: {conv!r}," for arg, conv in converters.items()]
        out.append(f"     }}, {forced!r}),")
    return out


def main(keras3: str) -> None:
    print('"""R keras3\'s functions beyond the layers, as data: one table per family.')
    print()
    print("Generated by tools/gen_api_tables.py from rstudio/keras3's NAMESPACE and R/*.R.")
    print("Each row: the R name; the Keras object it calls (`<keras module>.<name>`; a loss")
    print("names its class and its function, an application its class and the module of its")
    print("preprocessing; an alias the R function it stands for); the kind of body")
    print("(`rstyle_keras.r.functions.BUILDERS`); R's arguments with R's defaults (as Python")
    print("literals; `...` is R's dots); the converter of each argument")
    print("(`rstyle_keras.r.api_converters`); and the arguments always forwarded (R forwards")
    print("only those a call names).")
    print('"""')
    for family in FAMILIES:
        print()
        print("# (R name, Keras target, kind, arguments, converters, forced)")
        print(f"{family} = [")
        for r in rows(Path(keras3), family):
            print("\n".join(format_row(*r)))
        print("]")


if __name__ == "__main__":
    main(sys.argv[1])
