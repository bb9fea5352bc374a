"""Regenerate `rstyle_keras/r/api_tables.py` from an rstudio/keras3 checkout.

    python tools/gen_api_tables.py /path/to/keras3 > rstyle_keras/r/api_tables.py

One table per family of R keras3's exported functions beyond the layers: `op_*()` (every
exported one, from R/ops*.R and R/op-subset.R), `random_*()`, `optimizer_*()`,
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
    "OPS": r"op_\w+",  # `op_subset<-` is not a Python name: R's own alias op_subset_set
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
    # R: the result's second tensor (the indices) plus 1 unless zero_indexed
    "op_top_k": ("ops.top_k", "top_k", {"x": "as_array", "k": "as_integer"}),
    # R: `if (zero_indexed) identity else as_py_index` for x; a factor's levels as classes
    "op_one_hot": ("ops.one_hot", "one_based_input",
                   {"x": "as_py_index", "axis": "as_axis", "num_classes": "as_integer"}),
    # R: ops$stack(lapply(ops$nonzero(x), `+`, 1L), axis = -1L): a matrix of 1-based indices
    "op_nonzero": ("ops.nonzero", "nonzero", {}),
    # R: end missing -> arange(1, start); include_end adds `step` to the end
    "op_arange": ("ops.arange", "arange", {}),
    # R: checks the shapes itself before do.call(); Keras says the same when they differ
    "op_average": ("ops.average", "function", {"axis": "as_axis"}),
    # R: storage.mode(x) <- "integer" for an integer dtype; R vectors as arrays
    "op_convert_to_tensor": ("ops.convert_to_tensor", "function", {"x": "as_array"}),
    # R: xs (a list or one tensor) and `...` together, R vectors as arrays
    "op_hstack": ("ops.hstack", "stack_dots", {}),
    "op_vstack": ("ops.vstack", "stack_dots", {}),
    # R: each of `...` as an array, doubles as int64
    "op_meshgrid": ("ops.meshgrid", "dots_arrays", {}),
    # R: the `...` axis lengths through as_integer
    "op_rearrange": ("ops.rearrange", "rearrange", {}),
    # R: index through as_py_index, `...` (unnamed) the branches' operands
    "op_switch": ("ops.switch", "switch", {"index": "as_py_index"}),
    # R: ops$einsum(subscripts, ...): the operands unnamed
    "op_einsum": ("ops.einsum", "einsum", {}),
    # R: `[`-like subsetting (R/op-subset.R), and its replacement function `op_subset<-`,
    # whose Python name is R's own alias op_subset_set
    "op_subset": (None, "subset", {}),
    "op_subset_set": (None, "subset_set", {}),
    # R passes these positionally to Keras arguments of other names (RENAMES in r/ops.py)
    "op_vectorize": ("ops.vectorize", "function", {}),
    "op_vectorized_map": ("ops.vectorized_map", "function", {}),
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
    # whole finite doubles as integers, anything else ("fro", Inf) as it is
    ("op_norm", "ord"): "as_finite_integer",
    # a number: that many sections; a vector: 1-based split points (as_py_index)
    ("op_split", "indices_or_sections"): "as_split_indices",
}

# R's converters spelled differently in R's bodies, as they are registered here.
# (R's as_index is as_py_index: it shifts arrays and tensors too, not only numbers.)
CONVERTER_NAMES = {"as.array": "as_array", "tuple": "as_tuple", "as_index": "as_py_index"}

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
        # R converts op_image_extract_patches()'s `size` but not `strides`, so
        # `strides = c(1, 1)` reaches Keras as doubles, which JAX's patches refuse.
        ("op_image_extract_patches", "strides"): "as_integer",
        # R's numbers are doubles, which reticulate gives Keras as float64 arrays; R code's
        # `normalize(c(3, 4))` written in Python has ints, on which Keras's normalize()
        # fails (rsqrt of int32): R data becomes a float64 array, as R's does.
        ("normalize", "x"): "as_double_array",
        # R converts `min_delta` with as_integer, so R's `min_delta = 0.01` reaches Keras
        # as 0 (`as.integer(0.01)`): a tolerance is a double; R code's whole `0` works too.
        ("callback_early_stopping", "min_delta"): "as_double",
        # R gives op_rot90()'s `axes` to Keras as a list; Keras on JAX needs a tuple there
        # (jnp.rot90 takes `axes` as a static, hashable argument), as Keras documents it.
        ("op_rot90", "axes"): "as_axis_tuple",
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
        # R converts `images` with as_integer, which truncates float images (0.5 -> 0):
        # the images go to Keras as they are, as in every other op_image_*().
        ("op_image_pad", "images"): None,
        # R's as_integer() is as.integer(), which drops an R array's dims: a matrix reaches
        # Keras as a vector. Tensor arguments keep their shape here (R numbers still become
        # integers).
        ("op_bitwise_*", "x"): "as_integer_data",
        ("op_bitwise_*", "y"): "as_integer_data",
        ("op_*_shift", "x"): "as_integer_data",
        ("op_*_shift", "y"): "as_integer_data",
        ("op_multi_hot", "inputs"): "as_integer_data",
        ("op_bincount", "x"): "as_integer_data",
        ("op_tensordot", "axes"): "as_tensordot_axes",  # see "defaults" below
        # R converts op_cross()'s axisa, axisb, axisc with as_integer (0-based) but `axis`
        # with as_axis (1-based); all four are axes, 1-based here.
        ("op_cross", "axisa"): "as_axis",
        ("op_cross", "axisb"): "as_axis",
        ("op_cross", "axisc"): "as_axis",
    },
    # R's default, always forwarded: Keras's function requires `q` (no default), so R's
    # computing face without `q` named fails in Keras although R's formals say q = 0.5.
    "forced": {
        "loss_categorical_generalized_cross_entropy": ("q",),
    },
    # R documents op_tensordot()'s integer `axes` as a count ("sum over the last N axes")
    # but converts it with as_axis (N - 1): `axes = 1` sums over none. Here a number is the
    # count it is documented to be (lists of axes stay 1-based), and the default is
    # Keras's 2, the count R's `axes = 3L` gives after its as_axis.
    "defaults": {
        ("op_tensordot", "axes"): "2L",
    },
    "kinds": {},
}

TARGET = re.compile(
    r"(?:keras\$)?(ops|random|optimizers\$schedules|optimizers|losses|applications|metrics|"
    r"activations|initializers|regularizers|constraints|config|callbacks|"
    r"utils\$FeatureSpace)((?:\$(?:image|linalg|nn|numpy))?)\$`?(\w+)`?")
# A utility's Keras object, at any depth: keras$utils$get_file, keras$Variable, ...
KERAS_PATH = re.compile(r"keras\$(\w+(?:\$\w+)*)")
# A body that is one call of a Keras op: `ops$cbrt(x)`, `ops$bartlett(as_integer(x))`.
ONE_CALL = re.compile(r"\{?\s*(?:r_to_py\(keras\$ops\)|(?:keras\$)?ops(?:\$(?:image|linalg|nn))?)"
                      r"\$`?\w+`?(\((?:[^()]|\([^()]*\))*\))\s*\}?\s*")
# Statements a `capture_args()` + `do.call()` body may hold besides those two.
CAPTURE_LINES = re.compile(r"(\s*(args <- args_to_positional\(args, \"\w+\"\)|#.*))*\s*")


def target_of(match) -> str:
    return f"{match.group(1)}{match.group(2)}.{match.group(3)}".replace("$", ".")


def r_alias(sources: str, name: str) -> str | None:
    """The function `name` is another name of (`op_pmax <- op_maximum`), or None."""
    m = re.search(rf"^{re.escape(name)}\s*<-\s*`?([\w<-]+?)`?\s*$", sources, re.M)
    return m.group(1) if m else None


def one_call(name: str, formals: list[str], body: str):
    """(converters, forced) of a body that is one call of a Keras op with R's arguments,
    each maybe through a converter (`as_integer(x)`), or None for another body. R passes
    every argument, its default included: those with a default are forced."""
    body = re.sub(r"^(\{?\s*)result <- ", r"\1", body.strip())  # then R's `result + 1L`
    m = ONE_CALL.fullmatch(re.sub(r"if \(zero_indexed\) result else result \+ 1L", "", body))
    if not m:
        return None
    names = [f.partition("=")[0].strip() for f in formals]
    converters, passed = {}, []
    for arg in split_top(m.group(1)[1:-1]):
        arg = arg.partition("=")[2].strip() if re.match(r"\w+\s*=[^=]", arg) else arg
        if arg == "...":
            continue
        conv = re.fullmatch(r"([\w.]+)\((\w+)\)", arg)
        if conv:
            converters[conv.group(2)] = CONVERTER_NAMES.get(conv.group(1), conv.group(1))
            arg = conv.group(2)
        if arg not in names:
            raise ValueError(f"{name}: its call passes {arg!r}, not one of R's arguments")
        passed.append(arg)
    forced = tuple(a for a, f in zip(names, formals)
                   if "=" in f and a in passed and a != "zero_indexed")
    return converters, forced


def r_function(sources: str, name: str) -> tuple[list[str], str]:
    """(formals, body) of `name <- function(...) {...}`."""
    # (R's `structure(function (x) ..., py_function_name = ...)` too)
    m = re.search(rf"^`?{name}`?\s*<-\s*\n?\s*(?:structure\(\s*)?function\s*\(", sources,
                  re.M)
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
    if parts and parts[0] == "NULL":
        parts = parts[1:]
    if parts and parts[0].startswith("list("):
        inner = parts[0][len("list("):-1]
        for item in split_top(inner):
            arg, _, conv = (x.strip() for x in item.partition("="))
            one_based = re.fullmatch(r"if \(zero_indexed\) \w+ else (\w+)", conv)
            if (name, arg) in LAMBDA_CONVERTERS:
                conv = LAMBDA_CONVERTERS[(name, arg)]
            elif one_based:  # the 1-based face; zero_indexed=True takes integers as they are
                conv = one_based.group(1)
            conv = CONVERTER_NAMES.get(conv, conv)
            if not re.fullmatch(r"\w+", conv):
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
    alias = r_alias(sources, name) if name not in HAND or name == "op_subset_set" else None
    formals, body = r_function(sources, re.escape(alias or name))
    if alias and name not in HAND:  # another name of an R function: that function's row
        return (name, *row(sources, alias)[1:])
    params = []
    for formal in formals:
        arg, eq, default = (x.strip() for x in formal.partition("="))
        default = FIXES["defaults"].get((name, arg), default)
        params.append(arg if not eq else f"{arg}={py_literal(default)}")
    # HAND describes its bodies (their converters may be R expressions)
    converters, ignored = capture_args(name, body) if name not in HAND else ({}, ())
    targets = [target_of(m) for m in TARGET.finditer(body)]
    if name in UTILITIES:
        targets = [m.group(1).replace("$", ".") for m in KERAS_PATH.finditer(body)]
    called = one_call(name, formals, body) if name.startswith("op_") else None
    forced = FIXES["forced"].get(name, ())
    if called and name not in HAND:
        converters, forced = called[0], forced or called[1]
    if name in HAND:
        target, kind, converters = HAND[name]
        converters = dict(converters)
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
    elif "zero_indexed" in body and re.search(r"result \+ 1L", body):
        target, kind = targets[0], "function_one_based"
    elif re.search(r"if \(zero_indexed\) \w+ else as_py_index", body):
        target, kind = targets[0], "one_based_input"  # 1-based indices in, unless zero_indexed
    elif targets[0].split(".")[-1][0].isupper():  # a class: SeedGenerator, the optimizers
        target, kind = targets[0], "class"
    elif name in UTILITIES:  # Keras's helpers, whatever the engine (r/utilities.py)
        target, kind = targets[0], "utility"
    else:
        target, kind = targets[0], "function"
    if ignored and name not in HAND and kind not in ("function_one_based", "one_based_input"):
        raise ValueError(f"{name}: ignores {ignored}; describe its body in HAND")
    if name.startswith("op_") and name not in HAND and not called:
        # the body must be capture_args() + do.call(): anything else goes in HAND
        rest = body.strip()[1:-1]
        cap = rest.find("capture_args(")
        if cap >= 0:
            rest = rest[:cap] + rest[closing(rest, cap + len("capture_args")) + 1:]
        rest = rest.replace("args <- ", "", 1)
        rest = re.sub(r"(result <- )?do\.call\((keras\$)?ops\$[\w$`]+, args\)", "", rest)
        rest = re.sub(r"if \(zero_indexed\) result else result \+ 1L", "", rest)
        if not CAPTURE_LINES.fullmatch(rest):
            raise ValueError(f"{name}: its body is not capture_args() + do.call(): {rest!r}")
    for (pattern, arg), conv in FIXES["converters"].items():
        if fnmatch.fnmatchcase(name, pattern) and any(p.split("=")[0] == arg for p in params):
            if conv is None:
                converters.pop(arg, None)
            else:
                converters[arg] = conv
    kind = FIXES["kinds"].get(name, kind)
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
