"""tools/r_conformance.py: the Rd and R Markdown readers, the comparison of printed numbers
and shapes, the classification, and the runner end to end on small pages of our own.

The translator is injected: `stand_in` below rewrites the few R forms these snippets use,
so that the runner is tested apart from `rstyle_keras.translate` (tested on its own)."""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("r_conformance", ROOT / "tools/r_conformance.py")
rc = importlib.util.module_from_spec(_spec)
sys.modules["r_conformance"] = rc  # dataclasses look their module up
_spec.loader.exec_module(rc)


class StandInError(Exception):
    """Plays TranslationError: its message starts FILE:LINE:COLUMN."""


def stand_in(source: str, filename: str | None = None) -> str:
    """A translator for this file's snippets only: `<-`, `|>`, `TRUE`, `library(keras3)`,
    `%%`; in an .Rmd, the lines outside R chunks become comments. `unsupported(` is an
    error at its position. Lines are kept, as the real translator keeps them."""
    out, inside = [], not (filename or "").endswith(".Rmd")
    for number, line in enumerate(source.split("\n"), start=1):
        if not (filename or "").endswith(".Rmd") or inside:
            if line.strip().startswith("```"):
                inside = False
                out.append("")
                continue
            if "unsupported(" in line:
                column = line.index("unsupported(") + 1
                raise StandInError(f"{filename}:{number}:{column}: unsupported() is not "
                                   "supported")
            line = (line.replace("<-", "=").replace("|>", "|").replace("TRUE", "True")
                    .replace("%%", "%"))
            line = line.replace("library(keras3)", "from rstyle_keras import *")
            out.append(line)
        else:
            inside = line.startswith("```{r")
            out.append("")
    out[0] = "import numpy as np; " + out[0] if out[0].strip() else "import numpy as np"
    return "\n".join(out)


def code(text: str) -> str:
    """An Rd code block as roxygen writes it."""
    return (f'\\if{{html}}{{\\out{{<div class="sourceCode r">}}}}\\preformatted{{{text}'
            f'}}\\if{{html}}{{\\out{{</div>}}}}\n')


def output(text: str) -> str:
    """An Rd block of printed output, each line starting `## `."""
    lines = "\n".join("## " + ln for ln in text.strip("\n").split("\n"))
    return (f'\\if{{html}}{{\\out{{<div class="sourceCode">}}}}\\preformatted{{{lines}\n'
            f'}}\\if{{html}}{{\\out{{</div>}}}}\n')


def page(name: str, body: str, section: str = "Examples") -> str:
    return (f"% a page of our own\n\\name{{{name}}}\n\\title{{A title}}\n"
            f"\\section{{{section}}}{{\n{body}}}\n")


# -- reading Rd pages -------------------------------------------------------------------

def test_rd_blocks_outputs_and_lines():
    text = page("op_twice", "Some text:\n\n" + code("x <- np.array([1, 2])\nx * 2\n")
                + "\n" + output("[1] 2 4") + "\n" + code("y <- 3\n"))
    example = rc.parse_rd(text, "man/op_twice.Rd")
    assert (example.name, example.family, example.path) == ("op_twice", "op", "man/op_twice.Rd")
    assert [b.code for b in example.blocks] == ["x <- np.array([1, 2])\nx * 2\n", "y <- 3\n"]
    assert [b.output for b in example.blocks] == ["[1] 2 4\n", None]
    lines = text.split("\n")
    assert lines[example.blocks[0].line - 1].endswith("\\preformatted{x <- np.array([1, 2])")
    assert lines[example.blocks[1].line - 1].endswith("\\preformatted{y <- 3")


def test_rd_escapes_and_comments():
    body = code("x \\%\\% 2 # an R comment\nf <- function(a) \\{ a \\}\ns <- \"a\\\\b\" % Rd's\n")
    example = rc.parse_rd(page("op_mod", body))
    assert example.blocks[0].code == 'x %% 2 # an R comment\nf <- function(a) { a }\ns <- "a\\b" \n'
    assert rc.rd_unescape("100\\% \\{ok\\} % gone\nnext") == "100% {ok} \nnext"


def test_rd_sections_that_hold_examples():
    methods = "\\section{Methods}{\n" + code("signature(x, y)\n") + "}\n"
    usage = code("m <- 1\n") + output("1") + code("model |> compile(metrics = m)\n")
    text = page("metric_thing", usage, section="Usage") + methods
    blocks = rc.parse_rd(text).blocks
    # Methods: signatures, not examples; Usage: up to the last block with output
    assert [b.code for b in blocks] == ["m <- 1\n"]
    assert rc.parse_rd(page("layer_none", "", section="Details") + methods) is None
    shell = ('\\if{html}{\\out{<div class="sourceCode sh">}}\\preformatted{pip install x\n}'
             '\\if{html}{\\out{</div>}}\n')
    assert rc.parse_rd(page("layer_sh", shell + code("1 + 1\n"))).blocks[0].code == "1 + 1\n"


def test_rd_examples_section_dontrun_donttest_dontshow():
    text = ("\\name{zip_things}\n\\examples{\na <- 1\n\\dontrun{\nnever()\n}\n"
            "\\donttest{\nb <- 2\n}\n\\dontshow{c <- 3}\nd <- a \\%\\% 2\n}\n")
    (block,) = rc.parse_rd(text).blocks
    assert "never" not in block.code
    assert [ln for ln in block.code.split("\n") if ln.strip()] == [
        "a <- 1", "b <- 2", "c <- 3", "d <- a %% 2"]
    # lines kept: the code's line k is the page's line block.line + k - 1
    lines = text.split("\n")
    for k, ln in enumerate(block.code.split("\n")):
        if ln.strip() and ln != "c <- 3":
            assert lines[block.line + k - 1].replace("\\%", "%") == ln
    assert block.output is None


@pytest.mark.parametrize(("name", "family"), [
    ("layer_dense", "layer"), ("op_sum", "op"), ("loss_huber", "loss"),
    ("metric_auc", "metric"), ("activation_relu", "activation"),
    ("learning_rate_schedule_cosine_decay", "learning_rate_schedule"),
    ("keras_model", "other"), ("shape", "other"), ("optimizer_adam", "optimizer"),
])
def test_family_is_the_prefix(name, family):
    assert rc.family_of(name) == family


# -- R Markdown --------------------------------------------------------------------------

RMD = textwrap.dedent("""\
    ---
    title: "A tiny tutorial"
    ---

    ```{r setup, include = FALSE}
    knitr_only()
    ```

    Some prose.

    ```{r}
    library(keras3)
    model <- keras_model_sequential(input_shape = c(4))
    ```

    ```{r, eval=FALSE}
    install_everything()
    ```

    ```{r}
    model |> layer_dense(units = 3) |> layer_dense(units = 2)
    summary(model)
    ```
    """)


def test_runnable_rmd_blanks_chunks_knitr_does_not_run_or_show():
    text = rc.runnable_rmd(RMD)
    assert len(text.split("\n")) == len(RMD.split("\n"))  # positions kept
    assert "knitr_only" not in text and "install_everything" not in text
    assert "library(keras3)" in text and "summary(model)" in text
    assert rc.runnable_rmd("``` r\nx <- 1\n```\n") == "```{r}\nx <- 1\n```\n"


# -- numbers and shapes -----------------------------------------------------------------

TF_2X2 = "tf.Tensor(\n[[1. 2.]\n [3. 4.]], shape=(2, 2), dtype=float32)\n"


@pytest.mark.parametrize("printed", [
    "Array([[1., 2.],\n       [3., 4.]], dtype=float32)",  # JAX
    repr(np.array([[1, 2], [3, 4]], dtype="float32")),  # NumPy
    "tf.Tensor(\n[[1. 2.]\n [3. 4.]], shape=(2, 2), dtype=float32)",  # TensorFlow
    "Array([[1.0000001, 2.0000002],\n       [3., 3.99999]], dtype=float32)",  # 1e-5 relative
])
def test_tensor_prints_match(printed):
    assert rc.compare_outputs(TF_2X2, printed) is None


@pytest.mark.parametrize(("printed", "reason"), [
    ("Array([[1., 2.],\n       [3., 4.001]], dtype=float32)",
     "number 4: documented 4., printed 4.001"),
    ("Array([[1., 2., 3., 4.]], dtype=float32)", "tensor shape: documented (2, 2), printed (1, 4)"),
    ("Array([1., 2., 3.], dtype=float32)", "4 numbers documented, 3 printed"),
    ("", "4 numbers documented, 0 printed"),
])
def test_tensor_prints_that_differ(printed, reason):
    assert rc.compare_outputs(TF_2X2, printed).startswith(reason)


@pytest.mark.parametrize(("documented", "printed"), [
    ("tf.Tensor([11 12 13], shape=(3), dtype=int32)", "Array([11, 12, 13], dtype=int32)"),
    ("tf.Tensor(11, shape=(), dtype=int32)", "Array(11, dtype=int32)"),
    ("[1] 1 2", "Array([1., 2.], dtype=float32)"),
    (" [1] 7 2 1\n[36] 2 7", "[1] 7 2 1 2 7"),
    ("[1] 0.07485336", "0.0748533621"),
    ("num [1:4] 1.2325 0.5", "num [1:4] 1.23248 0.5"),  # str(): rounded to the digits shown
    ("shape(NA, 3)", "(None, 3)"),
    ("[1] TRUE FALSE NA", "Array([ True, False,  nan])"),
    ("$accuracy\n[1] 0.5\n\n$loss\n[1] 2", "{'accuracy': 0.5, 'loss': 2.0}"),
    ("     [,1] [,2]\n[1,]    1    3\n[2,]    2    4", "[[1 3]\n [2 4]]"),
    ("[[1]]\ntf.Tensor([1. 2.], shape=(2), dtype=float32)", "[Array([1., 2.], dtype=float32)]"),
    ("Total params: \x1b[38;5;34m235,146\x1b[0m (918.54 KB)", "Total params: 235,146 (918.54 KB)"),
    ("│ dense_1 (Dense) │ (None, 128) │ 32,896 │", "│ dense_1 (Dense) │ (None, 128) │ 32,896 │"),
    ("313/313 - 1s - 2ms/step - accuracy: 0.98\n[1] 0.5", "0.5"),
    ("tf.Tensor([0. 1. 2. ... 7. 8. 9.], shape=(10), dtype=float32)",
     "Array([0., 1., 2., 3., 4., 5., 6., 7., 8., 9.], dtype=float32)"),
    ("tf.Tensor(-1.1920929e-07, shape=(), dtype=float32)", "Array(0., dtype=float32)"),
    ('[1] "float32"', "'float32'"),
    ("NULL", ""),
    ("tf.Tensor([1. 2.], shape=(2), dtype=float32)",
     "<tf.Tensor: shape=(2,), dtype=float32, numpy=array([1., 2.], dtype=float32)>"),
    ("[1] \"[UNK]\" \"d\"     \"z\"", "['[UNK]', 'd', 'z']"),
])
def test_formats_that_match(documented, printed):
    assert rc.compare_outputs(documented, printed) is None


@pytest.mark.parametrize(("documented", "printed"), [
    ("[1] 0.07485336", "0.0748"),  # 0.07485 rounds to 0.0749
    ("[1] 1.5", "1.5001"),
    ("tf.Tensor(4., shape=(), dtype=float32)", "4.001"),
    ("tf.Tensor([0. 1. 2. ... 7. 8. 9.], shape=(10), dtype=float32)",
     "Array([0., 1., 2., 3., 4., 5., 6., 7., 8., 10.], dtype=float32)"),
    ('[1] "tensorflow"', "'jax'"),
    ("[1] NA", "1"),
    ("shape(2, 3)", "(3, 2)"),
])
def test_formats_that_differ(documented, printed):
    assert rc.compare_outputs(documented, printed) is not None


def test_numbers_close_tolerance():
    def num(text):
        return rc.extract(text).numbers[0]
    assert rc.numbers_close(num("100000"), num("100000.9"))  # 1e-5 relative
    assert not rc.numbers_close(num("100000"), num("100002"))
    assert rc.numbers_close(num("0"), num("5e-7"))  # printed as zero
    assert rc.numbers_close(num("-inf"), num("-Inf"))
    assert not rc.numbers_close(num("inf"), num("1e30"))


# -- model summaries -------------------------------------------------------------------

SUMMARY = textwrap.dedent("""\
    Model: "sequential"
    ┏━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
    ┃ Layer (type)             ┃ Output Shape           ┃       Param # ┃
    ┡━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
    │ dense (Dense)            │ (None, 3)              │            15 │
    ├──────────────────────────┼────────────────────────┼───────────────┤
    │ dense_1 (Dense)          │ (None, 2)              │             8 │
    └──────────────────────────┴────────────────────────┴───────────────┘
     Total params: 23 (92.00 B)
     Trainable params: 23 (92.00 B)
     Non-trainable params: 0 (0.00 B)
    """)


def test_parse_summaries():
    (s,) = rc.parse_summaries("## " + SUMMARY.replace("\n", "\n## "))
    assert s.model == "sequential"
    assert s.rows == [("dense (Dense)", "(None, 3)", 15), ("dense_1 (Dense)", "(None, 2)", 8)]
    assert s.totals == (23, 23, 0)


def test_compare_summaries():
    expected = rc.parse_summaries(SUMMARY)
    assert rc.compare_summaries(expected, rc.parse_summaries(SUMMARY)) == (None, "")
    other = rc.parse_summaries(SUMMARY.replace("(None, 2) ", "(None, 5) "))
    assert "output shape (None, 2), printed (None, 5)" in rc.compare_summaries(expected, other)[0]
    renamed = rc.parse_summaries(SUMMARY.replace("dense_1", "dense_7"))
    assert rc.compare_summaries(expected, renamed) == (
        None, "table 1 (sequential): layer dense_1 printed as dense_7")
    assert rc.compare_summaries(expected, [])[0] == "1 summary tables expected, 0 printed"


# -- running, classification, reports ------------------------------------------------------

@pytest.fixture(scope="module")
def checkout(tmp_path_factory):
    """A fake R keras3 checkout: four small pages of our own."""
    root = tmp_path_factory.mktemp("keras3")
    (root / "man").mkdir()
    pages = {
        "op_double": page("op_double", code("x <- np.arange(3) + 1\nx * 2\n")
                          + output("tf.Tensor([2 4 6], shape=(3), dtype=int64)")
                          + code("x \\%\\% 2\n") + output("[1] 1 0 1")),
        "op_wrong": page("op_wrong", code("np.float32(0.5)\n") + output("[1] 0.25")),
        "layer_untranslatable": page("layer_untranslatable",
                                     code("a <- 1\n") + code("b <- unsupported(a)\n")),
        "layer_failing": page("layer_failing", code("a <- 1\nprint(a)\nb <- a / undefined\n")
                              + output("[1] 1")),
        "loss_quiet": page("loss_quiet", code("a <- np.ones(2)\n")),
    }
    for name, text in pages.items():
        (root / "man" / f"{name}.Rd").write_text(text)
    return root


@pytest.fixture(scope="module")
def results(checkout):
    examples = rc.rd_examples(checkout)
    return {r.example.name: r for r in rc.run_all(examples, stand_in, jobs=2, timeout=60)}


def test_classification(results, checkout):
    assert {name: r.status for name, r in results.items()} == {
        "op_double": "pass",
        "op_wrong": "output-mismatch",
        "layer_untranslatable": "translate-error",
        "layer_failing": "run-error",
        "loss_quiet": "no-output",
    }
    lines = (checkout / "man/op_wrong.Rd").read_text().split("\n")
    wrong = results["op_wrong"].reason
    assert wrong.startswith("man/op_wrong.Rd:") and "documented 0.25, printed 0.5" in wrong
    assert "np.float32(0.5)" in lines[int(wrong.split(":")[1].split()[0]) - 1]
    # the error's position is the page's line, not the block's
    lines = (checkout / "man/layer_untranslatable.Rd").read_text().split("\n")
    position, message = results["layer_untranslatable"].reason.split(": ", 1)
    path, line, column = position.split(":")
    assert path == "man/layer_untranslatable.Rd" and message == "unsupported() is not supported"
    assert lines[int(line) - 1][int(column) - 1:].startswith("unsupported(")
    failing = results["layer_failing"].reason
    assert failing.startswith("NameError: name 'undefined' is not defined (at man/layer_failing")
    lines = (checkout / "man/layer_failing.Rd").read_text().split("\n")
    assert "undefined" in lines[int(failing.rstrip(")").rsplit(":", 1)[1]) - 1]
    assert results["op_double"].reason == "" and results["loss_quiet"].reason == ""


def test_auto_print_follows_r():
    """Top-level values print (R's auto-printing); assignments, None and the values of
    R's invisible functions (print, invisible, ...) don't."""
    def translate(source, filename=None):
        # (the runner puts `library(keras3)` on a line of its own before the examples)
        return "invisible = lambda v: v; " + source.replace("library(keras3)", "pass") \
            .replace("<-", "=")
    example = rc.Example("op_show", "op", "man/op_show.Rd", [rc.Block(
        "x <- 2\nx\nx + 1\nprint(x * 10)\ninvisible(x)\nNone\nfor i in []: i\n", 1,
        "[1] 2\n[1] 3\n[1] 20")])
    result = rc.run_example(example, translate, timeout=60)
    assert (result.status, result.reason) == ("pass", ""), result.reason
    example.blocks[0].output = "[1] 2\n[1] 3\n[1] 20\n[1] 2"
    assert rc.run_example(example, translate, timeout=60).reason.endswith(
        "4 numbers documented, 3 printed; the first extra documented: 2")


def test_timeout_is_a_run_error():
    example = rc.Example("op_slow", "op", "man/op_slow.Rd", [rc.Block("import time\n", 1)])
    result = rc.run_example(example, lambda s, filename=None: "import time; time.sleep(30)",
                            timeout=1)
    assert (result.status, result.reason) == ("run-error", "timeout after 1 s")


def test_reports(results):
    ordered = list(results.values())
    text = rc.format_text(ordered)
    rows = {line.split()[0]: line.split() for line in text.split("\n")[1:5]}
    # family, examples, pass/documented (%), runs (%), mismatches, run errors, translate errors
    assert rows["op"] == ["op", "2", "1/2", "(50.0%)", "1/2", "(50.0%)", "1", "0", "0"]
    assert rows["layer"] == ["layer", "2", "0/1", "(0.0%)", "0/2", "(0.0%)", "0", "1", "1"]
    assert rows["loss"] == ["loss", "1", "0/0", "1/1", "(100.0%)", "0", "0", "0"]
    assert "Failures:" in text and "op_wrong [output-mismatch]" in text
    markdown = rc.format_markdown(ordered, "Title")
    assert "| op | 2 | 1/2 (50.0%) | 1/2 (50.0%) | 1 | 0 | 0 |" in markdown
    assert "- `layer_untranslatable` (translate-error): man/layer_untranslatable.Rd:" in markdown


def test_main_with_family_and_report(checkout, tmp_path, capsys):
    report = tmp_path / "report.md"
    assert rc.main([str(checkout), "--family", "op", "--jobs", "2", "--report", str(report)],
                   translate=stand_in) == 0
    printed = capsys.readouterr().out
    assert "op_double" in printed and "layer_failing" not in printed
    assert "| op | 2 | 1/2 (50.0%) |" in report.read_text()


# -- the tutorials (acceptance 1), on a tutorial of our own -----------------------------

def tutorial_stand_in(source, filename=None):
    """`stand_in`, plus the R forms of the tutorial below."""
    source = re.sub(r"stopifnot\((.*)\)", r"assert \1", source)
    source = re.sub(r"nrow\((\w+)\)", r"\1.shape[0]", source)
    source = source.replace("length(", "len(").replace('[["', '["').replace('"]]', '"]')
    return stand_in(source.replace("$", "."), filename)


def test_tutorial_summaries_against_a_hand_written_page(tmp_path):
    """A tutorial-like Rmd, translated and run under the keras engine with the data hook
    (synthetic MNIST in a temporary Keras cache, fit() capped): its summary table must
    match the hand-written page's."""
    source = tmp_path / "vignettes-src" / "tiny.Rmd"
    source.parent.mkdir()
    source.write_text(RMD + textwrap.dedent("""
        ```{r}
        mnist <- dataset_mnist()
        x <- array_reshape(mnist$train$x, c(600, 784)) / 255
        net <- keras_model_sequential(input_shape = c(784)) |> layer_dense(units = 2)
        net |> compile(loss = "sparse_categorical_crossentropy", optimizer = "sgd")
        history <- net |> fit(x, mnist$train$y %% 2, epochs = 30, batch_size = 32)
        stopifnot(length(history$epoch) == 1)
        stopifnot(history$params[["steps"]] == 4)
        stopifnot(nrow(x) == 600)
        ```
        """))
    hand_written = "```python\n>>> summary(model)\n" + SUMMARY + "```\n"
    example = rc.rmd_example(tmp_path, source, family="tutorial")
    assert (example.name, example.path) == ("tiny", "vignettes-src/tiny.Rmd")
    options = {"epochs": 1, "fit_samples": 100, "mnist_train": 600, "mnist_test": 10}
    (result,) = rc.run_tutorials([example], {"tiny": hand_written}, tutorial_stand_in,
                                 timeout=300, options=options)
    assert (result.status, result.reason) == ("pass", ""), result.reason
    # the same run against another table: what _judge reports
    example.blocks[0].output = hand_written.replace("│            15 │", "│            16 │")
    judged = rc._judge(example, SUMMARY, 0.0)
    assert judged.status == "output-mismatch"
    assert judged.reason == "table 1 (sequential): layer dense (Dense): 16 parameters, printed 15"
    example.blocks[0].output = "no table"
    assert rc._judge(example, SUMMARY, 0.0).status == "no-output"


def test_tutorial_sources_in_a_checkout(tmp_path):
    for _, rel, md in rc.TUTORIALS:
        path = tmp_path / "vignettes-src" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("```{r}\nx <- 1\n```\n")
        assert rc.parse_summaries((ROOT / "vignettes" / md).read_text())
    examples = rc.tutorial_examples(tmp_path)
    assert [e.name for e in examples] == [name for name, _, _ in rc.TUTORIALS]
    assert {e.family for e in examples} == {"tutorial"}


@pytest.mark.parametrize(("documented", "printed", "kinds"), [
    ("tf.Tensor([1. 2.], shape=(2), dtype=float32)", "Array([1, 2], dtype=int32)",
     ("float", "int")),
    ("tf.Tensor([1 2], shape=(2), dtype=int64)", "array([1., 2.])", ("int", "float")),
    ("tf.Tensor([ True False], shape=(2), dtype=bool)", "array([1, 0])", ("bool", "int")),
])
def test_dtype_kinds_compared_when_asked(documented, printed, kinds):
    assert rc.compare_outputs(documented, printed) is None  # numbers and shapes agree
    assert rc.compare_outputs(documented, printed, dtypes=True) == (
        f"tensor dtype: documented {kinds[0]}, printed {kinds[1]}")
    assert rc.compare_outputs(documented, documented, dtypes=True) is None


def test_auto_print_transform():
    tree = rc._AutoPrint().visit(ast.parse(
        "x\nx | f(1)\nx | compile(loss=1)\nprint(x)\ny = 2\nmodel.fit(x)\n'a string'\n"))
    shown = [ast.unparse(s) for s in tree.body]
    assert shown == ["__rc_show__(x, None)", "__rc_show__(x | f(1), 'f')",
                     "x | compile(loss=1)", "print(x)", "y = 2", "model.fit(x)",
                     "__rc_show__('a string', None)"]  # R prints a string at top level


def test_a_layer_added_to_a_sequential_model_is_not_shown(capsys):
    class Sequential:
        def __repr__(self):
            return "<Sequential>"
    rc._show(Sequential(), "layer_dense")
    rc._show(None, "op_add")
    assert capsys.readouterr().out == ""
    rc._show(Sequential(), "keras_model_sequential")
    assert "Sequential" in capsys.readouterr().out


def test_a_mismatch_says_when_the_code_draws_random_numbers():
    example = rc.Example("random_thing", "random", "man/random_thing.Rd",
                         [rc.Block("x <- random_normal(c(2))\nx\n", 3, "[1] 0.1 0.2")])
    result = rc._judge(example, rc.MARK + "\n[1] 0.3 0.4\n", 0.0)
    assert result.reason == ("man/random_thing.Rd:3 (block 1): number 1: documented 0.1, "
                             "printed 0.3 (documented: 0.1 0.2 ...) [its code draws random "
                             "numbers]")
    example.blocks[0].code = "x <- op_ones(c(2))\nx\n"
    assert not rc._judge(example, rc.MARK + "\n[1] 0.3 0.4\n", 0.0).reason.endswith("]")


def test_an_examples_blocks_are_one_script():
    """knitr runs a page's blocks in one session: a name the first block assigns is a
    value in the later ones (`c <- ...` there, `op_einsum("ji", c)` later), and a run
    error names the R line, in the first block too."""
    example = rc.Example("op_blocks", "op", "man/op_blocks.Rd", [
        rc.Block("c <- 2\nf <- function(v) {\n  v + 1\n}\n", 10),
        rc.Block("f(c)\n", 20, "[1] 3")])
    result = rc.run_example(example, timeout=120)
    assert (result.status, result.reason) == ("pass", ""), result.reason
    failing = rc.Example("op_fails", "op", "man/op_fails.Rd", [
        rc.Block("x <- 1\nnot_a_function(x)\n", 10), rc.Block("x\n", 20, "[1] 1")])
    result = rc.run_example(failing, timeout=120)
    assert result.status == "run-error" and result.reason.endswith("(at man/op_fails.Rd:11)")


@pytest.mark.parametrize(("documented", "printed", "reason"), [
    ("Error in py_call_impl(f) :\n  InvalidArgumentError: shape [2,3] vs [3]\n[1] 2",
     "Error : Cannot concatenate arrays with shapes (2, 3) and (3,)\n[1] 2", None),
    ("Error in f(x) : boom", "[1] 2", "1 error report(s) documented (try()), 0 printed"),
    ("[1] 2", "Error : boom\n[1] 2", "0 error report(s) documented (try()), 1 printed"),
])
def test_try_error_reports_compare_by_presence(documented, printed, reason):
    """An error's text is the backend's own (TensorFlow's on R keras3's pages)."""
    assert rc.compare_outputs(documented, printed) == reason
