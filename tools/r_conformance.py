"""R keras3's own examples, translated to Python and run: the conformance runner.

    python tools/r_conformance.py PATH_TO_KERAS3 [--family layer,op] [--jobs N]
                                  [--timeout S] [--report FILE.md] [--vignettes]
    python tools/r_conformance.py --tutorials PATH_TO_KERAS3 [--epochs N] [--fit-samples N]

`--names a,b` runs only those examples; `--show` prints, for each, its R code, the Python,
R's documented output and what the Python printed.

PATH_TO_KERAS3 is a checkout of rstudio/keras3. Its code is read from there at run time
only; nothing of it is stored in this repository.

Reference pages (`man/*.Rd`). Each page whose `Example`/`Examples` section (or `\\examples{}`:
`\\dontrun{}` left out; `\\donttest{}`, `\\dontshow{}` run) holds R code is one example; the
metric pages' "Usage" sections count too, up to their last block with output (what follows
is a fragment, such as `model |> compile(...)` with no model). roxygen's generated pages
put each piece of code in a `\\preformatted{}` block (a `sourceCode r` div) and what R
printed under it in the next block, each line starting `## `. The page's code blocks are
translated one by one with `rstyle_keras.translate()` (the translate function is a
parameter, for the tests), then run in order, in one fresh Python process per page, under
the keras engine (KERAS_BACKEND=jax, RSTYLE_KERAS_ENGINE=keras, RSTYLE_KERAS_OFFLINE=1,
RSTYLE_KERAS_VERBOSE=0), with R's top-level auto-printing (below). What each block prints
is compared with the block's documented output:

- numbers are read from both texts and compared in order, within 1e-5 relative (1e-6
  absolute near zero; a number printed rounded to 4 or more significant digits, as R's
  `str()` prints, matches what rounds to it);
  `None`/`NA`/`NaN` match each other; `TRUE`/`True` are 1, `FALSE`/`False` 0;
- tensor prints are read whole: TensorFlow's `tf.Tensor(..., shape=(2, 3), dtype=...)`,
  JAX's `Array(..., dtype=...)`, NumPy's `array(...)`; a tensor's shape is the one it
  states, else the nesting of its brackets, and shapes are compared where both sides print
  a tensor at the same place (`shape=(5)`, `(5,)` and `[1 2 3 4 5]` are all (5,));
- what does not depend on the code is dropped: ANSI colours, R's `[1]`, `[[1]]`, `$name`,
  `[1,]`, `[,1]` and `, , 1` labels, progress bars and timings (lines with `/step` or
  `━`), thousands separators (`1,290` is 1290), and numbers that are part of a word
  (`dense_1`, `float32`, `2ms`); a tensor printed with `...` is compared on its first and
  last numbers only; with `--dtypes`, a tensor's dtype kind (float, int, bool) must be the
  documented one too (off by default: the numbers and shapes are what is compared).

Each example is classified: `pass`, `translate-error` (the TranslationError, its position
moved to the `.Rd` file's line), `run-error` (the exception's first line and the `.Rd`
line it was raised from; or the timeout), `output-mismatch` (the first differing number,
or the numbers' counts; "[its code draws random numbers]" where the code calls
`random_*()`, `runif()`, `sample()`, a random layer...) or `no-output` (it ran; R
documents no output to compare). The family is the name's prefix (`layer`, `op`, `loss`,
...; `other` for the rest). The pass rate of a family counts the examples that have
documented output; "runs" counts all.

R's auto-printing: R prints the value of each top-level expression that is not an
assignment and not invisible (knitr's pages show those prints). The runner does the same
for the translated Python, by the rule of `python -m rstyle_keras run`
(`rstyle_keras.translator.running`): each top-level expression statement's value is
printed with R's print, unless it is None or the expression calls one of R's
invisible-returning functions (`running.INVISIBLE`, also as the right side of a pipe
`x | f(...)`), or is a `layer_*()` call that gives a Sequential model (R adds the layer
and returns the model invisibly).

Vignettes (`--vignettes`): each `vignettes-src/**/*.Rmd` (or `vignettes/**/*.Rmd`) is
translated whole as an R Markdown document, chunks that knitr does not evaluate or show
blanked first (`eval = FALSE`, `include = FALSE`, `echo = FALSE`: installation commands,
knitr's settings, clean-up), and run with the data hook below. Their documented outputs
come from trained models, so only the model summaries are compared (layer output shapes
and parameter counts, against the rendered `vignettes/*.Rmd`); family `vignette`.

The tutorials (`--tutorials`, acceptance 1 of issue 11): R keras3's getting_started,
examples/vision/mnist_convnet, sequential_model and functional_api `.Rmd` files are
translated and run, and every `summary()` table they print must have the output shapes and
parameter counts (and totals) of the tables in this repository's hand-written vignettes
(`vignettes/keras-getting-started.md`, `mnist-convnet.md`, `sequential-model.md`,
`functional-api.md`). Layer names are compared too and reported, not failed on. Exit status
0 when all four agree.

The data hook (the same files as the vignettes' doctests, see `vignettes/conftest.py`):
each run gets its own working folder and, when its code names MNIST, CIFAR-10 or an
`application_*()`, a temporary KERAS_HOME holding `vignettes/synthetic_data.py`'s learnable
synthetic MNIST (with MNIST's real sizes, 60,000 and 10,000 images, since the tutorials
reshape to `c(60000, 784)`) and CIFAR-10, and `vignettes/synthetic_weights.py`'s weights
for the applications; Keras's file-hash check accepts them. For vignettes and tutorials,
so that a run takes seconds, Keras's `Model.fit()` is also wrapped: at most `--epochs`
epochs (default 1) on at most `--fit-samples` samples (default 2000: the first rows of x
and y); nothing else changes, so shapes and parameter counts are R's.
"""

from __future__ import annotations

import argparse
import ast
import concurrent.futures
import dataclasses
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATUSES = ("pass", "no-output", "output-mismatch", "run-error", "translate-error")
FAMILIES = ("learning_rate_schedule", "layer", "op", "loss", "metric", "activation",
            "initializer", "optimizer", "random", "callback", "config", "application",
            "regularizer", "constraint", "dataset", "image", "rnn")
TUTORIALS = (  # (name, R keras3 file under vignettes-src/ or vignettes/, hand-written vignette)
    ("getting_started", "getting_started.Rmd", "keras-getting-started.md"),
    ("mnist_convnet", "examples/vision/mnist_convnet.Rmd", "mnist-convnet.md"),
    ("sequential_model", "sequential_model.Rmd", "sequential-model.md"),
    ("functional_api", "functional_api.Rmd", "functional-api.md"),
)
MARK = "\x1e@@r-conformance-block@@"
DTYPES = False  # --dtypes: tensors' dtype kinds must match too


# ---------------------------------------------------------------------------------------
# Rd pages

@dataclasses.dataclass
class Block:
    """One piece of R code and what R printed under it (None: nothing documented)."""
    code: str
    line: int  # the line of the source file where the code starts
    output: str | None = None
    column: int = 1  # the column of that line where the code starts


@dataclasses.dataclass
class Example:
    name: str
    family: str
    path: str  # the file, as shown in reasons (relative to the checkout)
    blocks: list[Block]
    kind: str = "rd"  # "rd": blocks run in order; "rmd": one document, summaries compared

    @property
    def documented(self) -> bool:
        """Whether R documents output to compare with."""
        if self.kind == "rmd":
            return bool(parse_summaries(self.blocks[0].output or ""))
        return any(b.output is not None for b in self.blocks)


@dataclasses.dataclass
class Result:
    example: Example
    status: str
    reason: str = ""
    seconds: float = 0.0
    python: list[str] | None = None  # the translation of each block
    printed: list[str] | None = None  # what each block printed


_RD_ESCAPE = re.compile(r"\\([\\%{}])")


def _group_end(text: str, start: int) -> int:
    """The index just past the `}` closing the `{` at `start` (Rd: `\\{`, `\\}`, `\\%`,
    `\\\\` are escapes; `%` starts a comment)."""
    depth, i, n = 0, start, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in "\\%{}":
            i += 2
            continue
        if c == "%":
            j = text.find("\n", i)
            i = n if j < 0 else j
            continue
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    raise ValueError(f"unbalanced braces in Rd text from offset {start}")


def rd_unescape(text: str) -> str:
    """Rd's verbatim text as R reads it: comments dropped, `\\%`, `\\{`, `\\}`, `\\\\`
    unescaped."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if c == "\\" and i + 1 < n and text[i + 1] in "\\%{}":
            out.append(text[i + 1])
            i += 2
        elif c == "%":  # a comment, to the end of the line (the newline stays)
            j = text.find("\n", i)
            i = n if j < 0 else j
        else:
            out.append(c)
            i += 1
    return "".join(out)


def _sections(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) of every `\\section`, `\\subsection` and `\\examples`."""
    found = []
    for m in re.finditer(r"\\(section|subsection|examples)\{", text):
        if m.group(1) == "examples":
            found.append((m.end() - 1, _group_end(text, m.end() - 1), "\\examples"))
            continue
        title_end = _group_end(text, m.end() - 1)
        title = re.sub(r"\\\w+|[{}]", "", text[m.end():title_end - 1]).strip()
        if title_end < len(text) and text[title_end] == "{":
            found.append((title_end, _group_end(text, title_end), title))
    return found


def _blank_group(code: str, macro: str, keep: bool) -> str:
    r"""R-like text with each `\macro{...}` unwrapped (keep) or blanked, lines kept."""
    while (m := re.search(r"\\" + macro + r"\{", code)):
        end = _group_end(code, m.end() - 1)
        inner = code[m.end():end - 1]
        inner = inner if keep else "\n" * inner.count("\n")
        code = code[:m.start()] + inner + code[end:]
    return code


def is_example_section(title: str) -> bool:
    return title == "\\examples" or re.fullmatch(r"(?i)(full )?examples?", title) is not None


def is_usage_section(title: str) -> bool:
    """metric_*'s pages show their examples under "Usage" ("Standalone usage:")."""
    return re.fullmatch(r"(?i)(standalone )?usage:?", title) is not None


def parse_rd(text: str, path: str = "page.Rd") -> Example | None:
    """The page's examples as one Example (None when it has no example code)."""
    m = re.search(r"\\name\{([^}]*)\}", text)
    name = rd_unescape(m.group(1)).strip() if m else Path(path).stem
    sections = _sections(text)

    def section_of(pos):
        inside = [(start, end, title) for start, end, title in sections
                  if start < pos < end and (is_example_section(title) or is_usage_section(title))]
        return min(inside, key=lambda s: s[1] - s[0]) if inside else None

    blocks: list[Block] = []
    usage_blocks: dict[int, list[Block]] = {}  # by section start
    pre = re.compile(r'(?:<div class="sourceCode ?(\w*)">\}\}\s*)?\\preformatted\{')
    for m in pre.finditer(text):
        section = section_of(m.start())
        if section is None:
            continue
        start = m.end() - 1
        body = rd_unescape(text[start + 1:_group_end(text, start) - 1])
        line = text.count("\n", 0, start + 1) + 1
        column = start + 1 - (text.rfind("\n", 0, start) + 1) + 1
        lines = body.split("\n")
        has_div, lang_r = m.group(1) is not None, (m.group(1) or "").lower() == "r"
        if not lang_r and all(ln.startswith("##") or not ln.strip() for ln in lines):
            if not any(ln.strip() for ln in lines):
                continue
            output = "\n".join(re.sub(r"^## ?", "", ln) for ln in lines).rstrip() + "\n"
            if blocks:
                previous = blocks[-1]
                previous.output = (previous.output or "") + output
            continue
        if has_div and not lang_r:
            continue  # shown text (a shell command, printed output without `## `)
        blocks.append(Block(body, line, column=column))
        if is_usage_section(section[2]):
            usage_blocks.setdefault(section[0], []).append(blocks[-1])
    # Usage sections end with fragments shown, not run (`model |> compile(...)` with no
    # model): keep their blocks up to the last one R printed output for.
    for section_blocks in usage_blocks.values():
        printed = [i for i, b in enumerate(section_blocks) if b.output is not None]
        dropped = section_blocks[printed[-1] + 1:] if printed else section_blocks
        blocks = [b for b in blocks if all(b is not d for d in dropped)]
    for start, end, title in sections:
        if title != "\\examples":
            continue
        code = text[start + 1:end - 1]
        code = _blank_group(code, "dontrun", keep=False)
        for macro in ("donttest", "dontshow", "testonly", "dontdiff"):
            code = _blank_group(code, macro, keep=True)
        code = rd_unescape(code)
        if code.strip():
            blocks.append(Block(code, text.count("\n", 0, start + 1) + 1))
    if not any(b.code.strip() for b in blocks):
        return None
    return Example(name, family_of(name), path, blocks)


def family_of(name: str) -> str:
    for family in FAMILIES:
        if name.startswith(family + "_"):
            return family
    return "other"


def rd_examples(checkout: Path, families: set[str] | None = None) -> list[Example]:
    found = []
    for path in sorted((checkout / "man").glob("*.Rd")):
        example = parse_rd(path.read_text(encoding="utf-8"), str(path.relative_to(checkout)))
        if example and (not families or example.family in families):
            found.append(example)
    return found


# ---------------------------------------------------------------------------------------
# R Markdown documents

_CHUNK = re.compile(r"^(\s*)```+\s*\{r\b([^}]*)\}\s*$")
_RENDERED_CHUNK = re.compile(r"^(\s*)```+\s*r\s*$")
_FENCE = re.compile(r"^\s*```+\s*$")
_HIDDEN = re.compile(r"\b(eval|include|echo)\s*=\s*(FALSE|F)\b")


def runnable_rmd(text: str) -> str:
    """The document with the chunks knitr would not run or show blanked (their lines kept
    as empty lines, so positions stay the file's): `eval = FALSE` (shown, not run), and
    `include = FALSE` / `echo = FALSE` (knitr's settings and clean-up, unseen by readers).
    A rendered document's "``` r" fences become "```{r}"."""
    out, hidden = [], False
    inside = False
    for line in text.split("\n"):
        if not inside:
            m = _CHUNK.match(line)
            if m:
                inside, hidden = True, bool(_HIDDEN.search(m.group(2)))
                out.append("" if hidden else line)
                continue
            m = _RENDERED_CHUNK.match(line)
            if m:
                inside, hidden = True, False
                out.append(m.group(1) + "```{r}")
                continue
            out.append(line)
        else:
            if _FENCE.match(line):
                inside = False
            out.append("" if hidden else line)
    return "\n".join(out)


def rmd_example(checkout: Path, path: Path, family: str = "vignette") -> Example:
    text = path.read_text(encoding="utf-8")
    return Example(path.stem, family, str(path.relative_to(checkout)),
                   [Block(runnable_rmd(text), 1, _rendered_output(checkout, path))], "rmd")


def _rendered_output(checkout: Path, source: Path) -> str | None:
    """The `## ` output of the rendered copy (vignettes/X.Rmd for vignettes-src/X.Rmd)."""
    rel = source.relative_to(checkout)
    if rel.parts[0] != "vignettes-src":
        rendered = source
    else:
        rendered = checkout.joinpath("vignettes", *rel.parts[1:])
    if not rendered.exists():
        return None
    lines = [ln[3:] if ln.startswith("## ") else ln[2:]
             for ln in rendered.read_text(encoding="utf-8").split("\n") if ln.startswith("##")]
    return "\n".join(lines) + "\n" if lines else None


def vignette_examples(checkout: Path) -> list[Example]:
    base = checkout / "vignettes-src"
    if not base.is_dir():
        base = checkout / "vignettes"
    return [rmd_example(checkout, p) for p in sorted(base.rglob("*.Rmd"))
            if "parked" not in p.relative_to(base).parts and p.name != "index.Rmd"]


def tutorial_source(checkout: Path, rel: str) -> Path:
    for folder in ("vignettes-src", "vignettes"):
        if (checkout / folder / rel).exists():
            return checkout / folder / rel
    raise FileNotFoundError(f"{rel} is in neither {checkout}/vignettes-src nor /vignettes")


# ---------------------------------------------------------------------------------------
# Numbers and shapes in printed output

@dataclasses.dataclass
class Num:
    value: float  # math.nan for None/NA/NaN
    text: str
    missing: bool = False


ELLIPSIS = "..."


@dataclasses.dataclass
class Tensor:
    start: int  # index of its first number in the flat sequence
    count: int  # how many numbers (ellipses excluded)
    shape: tuple | None  # None where it cannot be told (an ellipsis and no stated shape)
    elided: bool = False
    kind: str = ""  # "float", "int", "bool", "complex", "string": its dtype's kind


_ANSI = re.compile(r"\x1b\[[0-9;]*m|(?<![\w\]])\[(?:\d+;)*\d*m")
_NUMBER = re.compile(
    r"(?<![\w.])(?:[-+]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][-+]?\d+)?|[-+]?(?:inf|Inf)"
    r"|None|NA|NaN|nan|TRUE|FALSE|True|False)(?![\w.])|\.\.\.")
_THOUSANDS = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\w.]|,\d)")
_TENSOR_START = re.compile(r"(?:tf\.Tensor|Array|array|tensor)\(")
_EAGER = re.compile(r"<tf\.Tensor: shape=\([^)]*\), dtype=\w+, numpy=")
_NOISE_LINE = re.compile(r"/step|━|ETA:|^\s*Epoch \d+/\d+\s*$")


def _num(token: str) -> Num | str:
    if token == ELLIPSIS:
        return ELLIPSIS
    if token in ("None", "NA", "NaN", "nan"):
        return Num(math.nan, token, missing=True)
    if token in ("TRUE", "True"):
        return Num(1.0, token)
    if token in ("FALSE", "False"):
        return Num(0.0, token)
    return Num(float(token.replace("Inf", "inf")), token)


def _close_paren(text: str, open_index: int) -> int:
    depth = 0
    for i in range(open_index, len(text)):
        if text[i] in "([":
            depth += 1
        elif text[i] in ")]":
            depth -= 1
            if depth == 0:
                return i
    return len(text) - 1


def _nesting_shape(literal: str) -> tuple | None:
    """The shape of an array literal from its brackets (`[[1. 2.]]` is (1, 2)); None when
    the literal is elided or ragged."""
    literal = literal.strip()
    if ELLIPSIS in literal:
        return None
    if not literal.startswith("["):
        return ()

    def parse(i):  # literal[i] == "[": returns (shape, next index)
        i += 1
        shapes, count = [], 0
        while i < len(literal):
            c = literal[i]
            if c == "[":
                shape, i = parse(i)
                shapes.append(shape)
                count += 1
                continue
            if c == "]":
                if shapes:
                    if any(s != shapes[0] for s in shapes):
                        raise ValueError("ragged")
                    return (count,) + shapes[0], i + 1
                return (count,), i + 1
            m = _NUMBER.match(literal, i) if not literal[i].isspace() else None
            if m and m.group(0) != ELLIPSIS and m.end() > i:
                count += 1
                i = m.end()
                continue
            i += 1
        raise ValueError("unclosed")

    try:
        return parse(0)[0]
    except ValueError:
        return None


def _shape_tuple(text: str) -> tuple:
    return tuple(None if t in ("None", "NA") else int(t)
                 for t in re.findall(r"None|NA|\d+", text))


@dataclasses.dataclass
class Extract:
    numbers: list  # Num or ELLIPSIS
    tensors: list[Tensor]


def extract(text: str) -> Extract:
    """The numbers (in order) and the tensors of a printed output."""
    text = _ANSI.sub("", text)
    text = _EAGER.sub("", text)  # TensorFlow's eager repr: its numpy= array carries it all
    lines = [ln for ln in text.split("\n") if not _NOISE_LINE.search(ln)]
    text = "\n".join(lines)
    numbers: list = []
    tensors: list[Tensor] = []
    pos = 0
    while True:
        m = _TENSOR_START.search(text, pos)
        chunk_end = m.start() if m else len(text)
        numbers.extend(_loose_numbers(text[pos:chunk_end]))
        if not m:
            break
        close = _close_paren(text, m.end() - 1)
        inner = text[m.end():close]
        shape_m = re.search(r",\s*shape=\(([^)]*)\)", inner)
        literal = inner
        for cut in (r",\s*shape=", r",\s*dtype=", r",\s*device="):
            c = re.search(cut, literal)
            if c:
                literal = literal[:c.start()]
        values = [_num(t) for t in _NUMBER.findall(literal)]
        start = sum(1 for v in numbers if v is not ELLIPSIS)
        count = sum(1 for v in values if v is not ELLIPSIS)
        shape = _shape_tuple(shape_m.group(1)) if shape_m else _nesting_shape(literal)
        tensors.append(Tensor(start, count, shape, elided=ELLIPSIS in values,
                              kind=_dtype_kind(inner, values)))
        numbers.extend(values)
        pos = close + 1
    return Extract(numbers, tensors)


def _dtype_kind(inner: str, values: list) -> str:
    """The kind of a tensor's dtype: the one it states, else what its numbers look like
    (NumPy leaves float64 and int64 unsaid)."""
    m = re.search(r"dtype=['\"]?(?:tf\.|torch\.)?(\w+)", inner)
    if m:
        name = m.group(1)
        for kind in ("complex", "float", "int", "bool", "string"):
            if kind in name or (kind == "string" and name in ("str", "object")):
                return kind
        return name
    texts = [v.text for v in values if v is not ELLIPSIS]
    if any(t in ("True", "False") for t in texts):
        return "bool"
    if any(re.search(r"[.eEna]", t) for t in texts):
        return "float"
    return "int" if texts else ""


def _loose_numbers(text: str) -> list:
    out = []
    for line in text.split("\n"):
        if re.fullmatch(r"\s*(?:, , [\d, ]+|\[\[\d+\]\]|\$[\w.]+|\[\[\d+\]\]\$?[\w.]*)\s*", line):
            continue  # R's array-slice, list-element and list-name headers
        line = re.sub(r"^\s*\[\d+\]", " ", line)  # R's [1] index
        line = re.sub(r"\[\d*,\d*\]", " ", line)  # R's matrix [1,] and [,1] labels
        line = _THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), line)
        out.extend(_num(t) for t in _NUMBER.findall(line))
    return out


def _decimals(text: str) -> int:
    """Digits after the decimal point, exponent included (`1.5e-3`: 4)."""
    m = re.fullmatch(r"[-+]?\d*(?:\.(\d*))?(?:[eE]([-+]?\d+))?", text)
    if not m:
        return 0
    return len(m.group(1) or "") - int(m.group(2) or 0)


RTOL, ATOL = 1e-5, 1e-6


def _significant(text: str) -> int:
    mantissa = re.split(r"[eE]", text)[0]
    return len(re.sub(r"^[-+]?[0.]*", "", mantissa).replace(".", ""))


def numbers_close(a: Num, b: Num) -> bool:
    """Within 1e-5 relative (1e-6 absolute near zero). A number printed rounded (4 or more
    significant digits, as R's `str()` or `summary()` print, `1.2325`) also matches
    anything that rounds to it; a short one (`4.`, `1.5`) is read as exact, as TensorFlow,
    NumPy and R print exact values shortest."""
    if a.missing or b.missing:
        return a.missing and b.missing
    x, y = a.value, b.value
    if math.isinf(x) or math.isinf(y):
        return x == y
    coarse = min((a, b), key=lambda n: _decimals(n.text))
    printed = 0.0
    if _significant(coarse.text) >= 4 and ("." in coarse.text or "e" in coarse.text.lower()):
        printed = 0.5 * 10.0 ** -_decimals(coarse.text) * (1 + 1e-9)
    return abs(x - y) <= max(RTOL * max(abs(x), abs(y)), ATOL, printed)


def split_errors(text: str) -> tuple[str, int]:
    """The output without R's error reports (`try()`'s "Error in f(x) : message" and
    its indented continuation lines), and how many there were. An error's text is the
    backend's own (TensorFlow's in R keras3's pages), so only its presence is compared."""
    kept, errors, inside = [], 0, False
    for line in text.splitlines():
        if _ERROR_REPORT.match(line):
            errors, inside = errors + 1, True
        elif not (inside and line[:1].isspace()):
            kept.append(line)
            inside = False
    return "\n".join(kept), errors


_ERROR_REPORT = re.compile(r"^Error( in .*?)? ?:")


def compare_outputs(documented: str, printed: str, dtypes: bool = False) -> str | None:
    """None when the printed output matches the documented one, else the reason. With
    `dtypes`, a tensor's dtype kind (float, int, bool) must match too."""
    documented, d_errors = split_errors(documented)
    printed, a_errors = split_errors(printed)
    if d_errors != a_errors:
        return f"{d_errors} error report(s) documented (try()), {a_errors} printed"
    if d_errors and not documented.strip() and not printed.strip():
        return None
    doc, act = extract(documented), extract(printed)
    if not doc.numbers:  # text only (`[1] "float32"`): its quoted strings, in order
        return _compare_strings(documented, printed)
    d_segments = _segments(doc.numbers)
    a_segments = _segments(act.numbers)
    d_flat = [n for n in doc.numbers if n is not ELLIPSIS]
    a_flat = [n for n in act.numbers if n is not ELLIPSIS]
    if len(d_segments) == 1 and len(a_segments) == 1:
        for i, (x, y) in enumerate(zip(d_flat, a_flat)):
            if not numbers_close(x, y):
                return (f"number {i + 1}: documented {x.text}, printed {y.text}"
                        f"{_context(d_flat, i)}")
        if len(d_flat) != len(a_flat):
            return (f"{len(d_flat)} numbers documented, {len(a_flat)} printed"
                    f"{_first_extra(d_flat, a_flat)}")
    else:  # an elided print: its first and last numbers
        head_d, head_a = d_segments[0], a_segments[0]
        tail_d, tail_a = d_segments[-1], a_segments[-1]
        n = min(len(head_d), len(head_a))
        for i in range(n):
            if not numbers_close(head_d[i], head_a[i]):
                return f"number {i + 1}: documented {head_d[i].text}, printed {head_a[i].text}"
        m = min(len(tail_d), len(tail_a))
        for i in range(1, m + 1):
            if not numbers_close(tail_d[-i], tail_a[-i]):
                return (f"number {i} from the end: documented {tail_d[-i].text}, "
                        f"printed {tail_a[-i].text}")
    by_start = {(t.start, t.count): t for t in act.tensors}
    for t in doc.tensors:
        other = by_start.get((t.start, t.count))
        if other and t.shape is not None and other.shape is not None and t.shape != other.shape:
            return f"tensor shape: documented {t.shape}, printed {other.shape}"
        if dtypes and other and t.kind and other.kind and t.kind != other.kind:
            return f"tensor dtype: documented {t.kind}, printed {other.kind}"
    return None


_QUOTED = re.compile(r"""b?"((?:[^"\\]|\\.)*)"|b?'((?:[^'\\]|\\.)*)'""")


def _compare_strings(documented: str, printed: str) -> str | None:
    """Each string R printed in quotes appears in the printed text, in the same order
    (quoted or not: Python may print a string bare); an output without quoted strings
    must just not be missing."""
    wanted = [a if a or not b else b for a, b in _QUOTED.findall(_ANSI.sub("", documented))]
    if not wanted:
        if documented.strip() in ("NULL", "invisible()"):
            return None  # R printed NULL: Python shows no None
        if documented.strip() and not printed.strip():
            return f"documented {documented.strip()[:60]!r}, nothing printed"
        return None
    pos = 0
    for w in wanted:
        found = printed.find(w, pos)
        if found < 0:
            return f"string {w!r} documented, not printed (after offset {pos})"
        pos = found + len(w)
    return None


def _segments(numbers: list) -> list[list]:
    out = [[]]
    for n in numbers:
        if n is ELLIPSIS:
            out.append([])
        else:
            out[-1].append(n)
    return out


def _context(flat: list, i: int) -> str:
    return f" (documented: {' '.join(n.text for n in flat[max(0, i - 2):i + 3])} ...)"


def _first_extra(d: list, a: list) -> str:
    longer, which = (d, "documented") if len(d) > len(a) else (a, "printed")
    n = min(len(d), len(a))
    return f"; the first extra {which}: {longer[n].text}"


# ---------------------------------------------------------------------------------------
# Model summaries (the tutorials, the vignettes)

@dataclasses.dataclass
class Summary:
    model: str
    rows: list[tuple[str, str, int]]  # (layer name, output shape, parameters)
    totals: tuple[int | None, int | None, int | None]  # total, trainable, non-trainable


def parse_summaries(text: str) -> list[Summary]:
    """Keras's `summary()` tables in a text (ANSI colours, `## ` and `>>> ` prompts
    dropped)."""
    lines = [_ANSI.sub("", re.sub(r"^(## ?|##$)", "", ln)) for ln in text.split("\n")]
    found: list[Summary] = []
    current: Summary | None = None
    header: list[str] = []
    for line in lines:
        m = re.match(r'\s*Model: "([^"]*)"', line)
        if m:
            current = Summary(m.group(1), [], (None, None, None))
            found.append(current)
            header = []
            continue
        if current is None:
            continue
        if line.lstrip().startswith("┃"):
            header = [c.strip() for c in line.strip().strip("┃").split("┃")]
            continue
        if line.lstrip().startswith("│") and header:
            cells = [c.strip() for c in line.strip().strip("│").split("│")]
            cells = dict(zip(header, cells))
            layer = cells.get("Layer (type)", "")
            shape = cells.get("Output Shape", "")
            params = cells.get("Param #", "")
            if layer:
                current.rows.append((layer, shape, int(params.replace(",", "") or 0)))
            elif current.rows:  # a wrapped cell continues the row above
                name, old_shape, count = current.rows[-1]
                current.rows[-1] = (name, old_shape + shape, count)
            continue
        m = re.match(r"\s*(Total|Trainable|Non-trainable) params:\s*([\d,]+)", line)
        if m:
            value = int(m.group(2).replace(",", ""))
            index = ("Total", "Trainable", "Non-trainable").index(m.group(1))
            totals = list(current.totals)
            totals[index] = value
            current.totals = tuple(totals)
    return found


def _layer_name(cell: str) -> str:
    return cell.split(" (")[0].strip()


def compare_summaries(expected: list[Summary], printed: list[Summary]) -> tuple[str | None, str]:
    """(reason the tables differ in shapes or parameter counts, or None; a note naming
    layers or models whose names differ)."""
    notes = []
    if len(expected) != len(printed):
        return (f"{len(expected)} summary tables expected, {len(printed)} printed", "")
    for k, (e, p) in enumerate(zip(expected, printed), start=1):
        where = f"table {k} ({e.model})"
        if e.model != p.model:
            notes.append(f"{where}: model named {p.model!r}")
        if len(e.rows) != len(p.rows):
            return f"{where}: {len(e.rows)} layers expected, {len(p.rows)} printed", ""
        for (e_name, e_shape, e_n), (p_name, p_shape, p_n) in zip(e.rows, p.rows):
            if re.sub(r"\s", "", e_shape) != re.sub(r"\s", "", p_shape):
                return f"{where}: layer {e_name}: output shape {e_shape}, printed {p_shape}", ""
            if e_n != p_n:
                return f"{where}: layer {e_name}: {e_n} parameters, printed {p_n}", ""
            if _layer_name(e_name) != _layer_name(p_name):
                notes.append(f"{where}: layer {_layer_name(e_name)} printed as "
                             f"{_layer_name(p_name)}")
        if e.totals != p.totals:
            return f"{where}: totals {e.totals}, printed {p.totals}", ""
    return None, "; ".join(notes)


# ---------------------------------------------------------------------------------------
# Translating and running

def default_translate(source: str, filename: str | None = None) -> str:
    if str(ROOT) not in sys.path:  # this checkout's package, also when run as a script
        sys.path.insert(0, str(ROOT))
    import rstyle_keras
    return rstyle_keras.translate(source, filename=filename)


_POSITION = re.compile(r"^(?P<file>.*?):(?P<line>\d+):(?P<col>\d+): ")


def _moved_error(exc: Exception, path: str, blocks: list[Block], starts: list[int]) -> str:
    """The error's first line, its position in the joined blocks moved to the file's."""
    message = str(exc).strip().split("\n")[0]
    m = _POSITION.match(message)
    if not m:
        crashed = "" if type(exc).__name__ == "TranslationError" else "the translator failed: "
        return f"{crashed}{type(exc).__name__}: {message}"
    line, column = int(m.group("line")), int(m.group("col"))
    k = max(i for i, start in enumerate(starts) if start < line)
    line -= starts[k]
    if line == 1:
        column += blocks[k].column - 1
    return f"{path}:{line + blocks[k].line - 1}:{column}: {message[m.end():]}"


def translate_example(example: Example, translate) -> tuple[list[str] | None, str]:
    """The Python of each block, or (None, the first error). The blocks are translated
    together, as one script (knitr runs them in one session: a name a block assigns is a
    value in the next ones too), and the Python split again by R's lines, which the
    translator keeps."""
    # line 1 imports the package (a script without it gets the imports on its first
    # line, or on a line of their own before a `def`: that would shift the lines)
    starts, lines = [], ["library(keras3)"]
    for block in example.blocks:
        starts.append(len(lines))
        lines.extend(block.code.rstrip("\n").split("\n"))
    try:
        python = translate("\n".join(lines), filename=example.path).split("\n")
    except Exception as exc:  # TranslationError, or the translator's own bug
        return None, _moved_error(exc, example.path, example.blocks, starts)
    ends = starts[1:] + [max(len(lines), len(python))]
    blocks = ["\n".join(python[a:b]) + "\n" for a, b in zip(starts, ends)]
    return [python[0] + "\n" + blocks[0], *blocks[1:]], ""


def run_example(example: Example, translate=default_translate, timeout: float = 120.0,
                options: dict | None = None) -> Result:
    started = time.monotonic()
    python, error = translate_example(example, translate)
    if python is None:
        return Result(example, "translate-error", error, time.monotonic() - started)
    with tempfile.TemporaryDirectory(prefix="r-conformance-") as tmp:
        job = {
            "path": example.path,
            "blocks": [{"python": p, "line": b.line - (k == 0)}  # block 1: the import line
                       for k, (p, b) in enumerate(zip(python, example.blocks))],
            "options": options or {},
            "error_file": os.path.join(tmp, "error.json"),
            "workdir": os.path.join(tmp, "work"),
        }
        job_file = os.path.join(tmp, "job.json")
        Path(job_file).write_text(json.dumps(job))
        env = dict(os.environ, KERAS_BACKEND="jax", RSTYLE_KERAS_ENGINE="keras",
                   RSTYLE_KERAS_OFFLINE="1", RSTYLE_KERAS_VERBOSE="0", MPLBACKEND="Agg",
                   PYTHONPATH=os.pathsep.join([str(ROOT)] + [p for p in os.environ.get(
                       "PYTHONPATH", "").split(os.pathsep) if p]))
        try:
            proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child",
                                   job_file], capture_output=True, text=True, env=env,
                                  timeout=timeout, cwd=tmp)
        except subprocess.TimeoutExpired:
            return Result(example, "run-error", f"timeout after {timeout:g} s",
                          time.monotonic() - started)
        seconds = time.monotonic() - started
        if os.path.exists(job["error_file"]):
            err = json.loads(Path(job["error_file"]).read_text())
            where = f" (at {err['file']}:{err['line']})" if err.get("line") else ""
            return Result(example, "run-error", f"{err['type']}: {err['message']}{where}",
                          seconds)
        if proc.returncode != 0:
            tail = (proc.stderr.strip().split("\n") or [""])[-1]
            return Result(example, "run-error", f"exit status {proc.returncode}: {tail}",
                          seconds)
    result = _judge(example, proc.stdout, seconds)
    result.python = python
    return result


def _judge(example: Example, stdout: str, seconds: float) -> Result:
    result = _verdict(example, stdout, seconds)
    result.printed = stdout.split(MARK + "\n")[1:]
    return result


def _verdict(example: Example, stdout: str, seconds: float) -> Result:
    if example.kind == "rmd":
        documented = example.blocks[0].output
        expected = parse_summaries(documented or "")
        if not expected:
            return Result(example, "no-output", "", seconds)
        reason, note = compare_summaries(expected, parse_summaries(stdout))
        if reason:
            return Result(example, "output-mismatch", reason, seconds)
        return Result(example, "pass", note, seconds)
    outputs = stdout.split(MARK + "\n")[1:]
    compared = False
    for k, (block, printed) in enumerate(zip(example.blocks, outputs), start=1):
        if block.output is None:
            continue
        compared = True
        reason = compare_outputs(block.output, printed, dtypes=DTYPES)
        if reason:
            code = "\n".join(b.code for b in example.blocks[:k])
            hint = " [its code draws random numbers]" if _RANDOM.search(code) else ""
            return Result(example, "output-mismatch",
                          f"{example.path}:{block.line} (block {k}): {reason}{hint}", seconds)
    return Result(example, "pass" if compared else "no-output", "", seconds)


# R calls whose numbers come from a random generator (R's session drew them with
# TensorFlow's or R's generators: another generator gives other numbers)
_RANDOM = re.compile(r"\b(random_\w+|runif|rnorm|rbinom|sample|layer_random_\w+|"
                     r"layer_(?:gaussian_)?(?:dropout|noise)\w*)\s*\(")


# ---------------------------------------------------------------------------------------
# The child process: runs one example's Python

class _AutoPrint(ast.NodeTransformer):
    """Top-level expression statements `e` become `__rc_show__(e, callee)` where R's
    console would print them (the rule of `rstyle_keras run`)."""

    def visit_Module(self, node):
        from rstyle_keras.translator import running

        node.body = [self._wrap(s, running) for s in node.body]
        return node

    @staticmethod
    def _wrap(stmt, running):
        if not isinstance(stmt, ast.Expr) or not running.prints(stmt):
            return stmt
        call = ast.Call(ast.Name("__rc_show__", ast.Load()),
                        [stmt.value, ast.Constant(running.called_name(stmt.value))], [])
        return ast.copy_location(ast.Expr(ast.copy_location(call, stmt.value)), stmt)


def _show(value, callee=None):
    from rstyle_keras.translator.running import autoprint

    autoprint(value, callee)
    sys.stdout.flush()


def _install_data_hook(options: dict, home: str, code: str) -> None:
    """Synthetic datasets and weights in a temporary KERAS_HOME (those the code may
    load: `dataset_mnist`, `dataset_cifar10`, `application_*`), and with
    `options["cap_fit"]`, a capped fit()."""
    if not re.search(r"mnist|cifar10|application_", code) and not options.get("cap_fit"):
        return  # nothing to install: Keras is not imported before the example does
    os.environ["KERAS_HOME"] = home
    sys.path.insert(0, str(ROOT / "vignettes"))
    import synthetic_data
    import synthetic_weights
    from keras.src.backend import config as keras_config
    from keras.src.utils import file_utils

    keras_config._KERAS_DIR = home
    file_utils.validate_file = lambda *args, **kwargs: True
    datasets = os.path.join(home, "datasets")
    os.makedirs(datasets, exist_ok=True)
    if "mnist" in code:  # MNIST's real sizes: tutorials reshape to c(60000, 784)
        synthetic_data.write_mnist(datasets, n_train=int(options.get("mnist_train", 60000)),
                                   n_test=int(options.get("mnist_test", 10000)))
    if "cifar10" in code:
        synthetic_data.write_cifar10(datasets)
    if "application_" in code:
        synthetic_weights.install(os.path.join(home, "models"))
    if options.get("cap_fit"):
        _cap_fit(int(options.get("epochs", 1)), int(options.get("fit_samples", 2000)))


def _cap_fit(epochs: int, samples: int) -> None:
    import inspect

    import keras
    import numpy as np

    original = keras.Model.fit
    signature = inspect.signature(original)

    def head(value):
        if isinstance(value, np.ndarray | list | tuple) or hasattr(value, "shape"):
            if isinstance(value, list | tuple):
                return type(value)(head(v) for v in value)
            return value[:samples] if len(value) > samples else value
        if isinstance(value, dict):
            return {k: head(v) for k, v in value.items()}
        return value

    def fit(self, *args, **kwargs):
        bound = signature.bind(self, *args, **kwargs)
        arguments = bound.arguments
        arguments["epochs"] = min(int(arguments.get("epochs", 1)), epochs)
        for name in ("x", "y", "sample_weight"):
            if arguments.get(name) is not None:
                arguments[name] = head(arguments[name])
        return original(*bound.args, **bound.kwargs)

    fit.__wrapped__ = original
    keras.Model.fit = fit


class _KnitrStderr:
    """stderr that sends R's error reports (`try()` writes "Error : ...") to stdout, where
    knitr's pages show them; everything else (Python's warnings, logs) stays on stderr."""

    def __init__(self, real):
        self._real = real

    def write(self, text):
        if text.startswith("Error"):
            sys.stdout.flush()
            return sys.stdout.write(text)
        return self._real.write(text)

    def __getattr__(self, name):
        return getattr(self._real, name)


def child_main(job_file: str) -> int:
    job = json.loads(Path(job_file).read_text())
    sys.stderr = _KnitrStderr(sys.stderr)
    os.makedirs(job["workdir"], exist_ok=True)
    os.chdir(job["workdir"])  # files the examples save land here
    options = job["options"]
    _install_data_hook(options, os.path.join(job["workdir"], "keras_home"),
                       "\n".join(b["python"] for b in job["blocks"]))
    namespace = {"__name__": "__main__", "__rc_show__": _show}
    path = job["path"]
    for k, block in enumerate(job["blocks"], start=1):
        sys.stdout.write(MARK + "\n")
        sys.stdout.flush()
        try:
            tree = ast.fix_missing_locations(
                _AutoPrint().visit(ast.parse(block["python"], filename=path)))
            ast.increment_lineno(tree, block["line"] - 1)
            exec(compile(tree, path, "exec"), namespace)
        except BaseException as exc:  # report it, whatever it is
            sys.stdout.flush()
            frames = [f for f in traceback.extract_tb(exc.__traceback__) if f.filename == path]
            line = frames[-1].lineno if frames else None
            if isinstance(exc, SyntaxError) and exc.lineno:  # raised before the shift
                line = exc.lineno + block["line"] - 1
            message = (str(exc).strip().split("\n") or [""])[0]
            Path(job["error_file"]).write_text(json.dumps({
                "type": type(exc).__name__, "message": message, "file": path,
                "line": line, "block": k}))
            traceback.print_exc()
            return 1
    sys.stdout.flush()
    return 0


# ---------------------------------------------------------------------------------------
# Reports

COLUMNS = ("documented",) + STATUSES


def tally(results: list[Result]) -> dict[str, dict[str, int]]:
    """Per family: how many examples have documented output, and how many end in each
    status."""
    table: dict[str, dict[str, int]] = {}
    for r in results:
        row = table.setdefault(r.example.family, dict.fromkeys(COLUMNS, 0))
        row[r.status] += 1
        row["documented"] += r.example.documented
    return dict(sorted(table.items()))


def _rates(row: dict[str, int]) -> tuple[str, str]:
    """("pass/documented (%)", "runs/examples (%)")."""
    total = sum(row[s] for s in STATUSES)
    passed = f"{row['pass']}/{row['documented']}" + (
        f" ({100 * row['pass'] / row['documented']:.1f}%)" if row["documented"] else "")
    runs = row["pass"] + row["no-output"]
    return passed, f"{runs}/{total} ({100 * runs / total:.1f}%)"


def format_text(results: list[Result]) -> str:
    lines = [f"{'family':<24}{'examples':>9}  {'pass (with output)':<22}{'runs':<18}"
             + "  ".join(s for s in STATUSES[2:])]
    table = tally(results)
    everything = dict.fromkeys(COLUMNS, 0)
    for row in table.values():
        for s in COLUMNS:
            everything[s] += row[s]
    for family, row in [*table.items(), ("all", everything)]:
        total = sum(row[s] for s in STATUSES)
        if not total:
            continue
        passed, runs = _rates(row)
        lines.append(f"{family:<24}{total:>9}  {passed:<22}{runs:<18}"
                     + "  ".join(f"{row[s]:>{len(s)}}" for s in STATUSES[2:]))
    failures = [r for r in results if r.status not in ("pass", "no-output")]
    if failures:
        lines += ["", "Failures:"]
        lines += [f"  {r.example.name} [{r.status}] {r.reason}" for r in failures]
    return "\n".join(lines)


def format_details(result: Result) -> str:
    """Each block's R code, its Python, R's output and ours (`--show`)."""
    out = [f"== {result.example.name} ({result.example.path}): {result.status} {result.reason}"]
    python = result.python or []
    printed = result.printed or []
    for k, block in enumerate(result.example.blocks):
        out.append(f"-- block {k + 1}, line {block.line}: R")
        out.append(block.code.rstrip())
        if k < len(python):
            out += ["-- Python", python[k].rstrip()]
        if block.output is not None:
            out += ["-- documented output", block.output.rstrip()]
        if k < len(printed):
            out += ["-- printed", printed[k].rstrip()]
    return "\n".join(out)


def format_markdown(results: list[Result], title: str) -> str:
    lines = [f"# {title}", "", "| family | examples | pass (of those with output) | runs | "
             + " | ".join(STATUSES[2:]) + " |", "|---" * (4 + len(STATUSES[2:])) + "|"]
    table = tally(results)
    for family, row in table.items():
        passed, runs = _rates(row)
        lines.append(f"| {family} | {sum(row[s] for s in STATUSES)} | {passed} | {runs} | "
                     + " | ".join(str(row[s]) for s in STATUSES[2:]) + " |")
    failures = [r for r in results if r.status not in ("pass", "no-output")]
    if failures:
        lines += ["", "## Failures", ""]
        for r in failures:
            reason = r.reason.replace("|", "\\|")
            lines.append(f"- `{r.example.name}` ({r.status}): {reason}")
    return "\n".join(lines) + "\n"


def run_all(examples: list[Example], translate=default_translate, jobs: int = 1,
            timeout: float = 120.0, options: dict | None = None, progress=None) -> list[Result]:
    results: list[Result | None] = [None] * len(examples)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {pool.submit(run_example, e, translate, timeout, options): i
                   for i, e in enumerate(examples)}
        for future in concurrent.futures.as_completed(futures):
            i = futures[future]
            results[i] = future.result()
            if progress:
                progress(results[i])
    return [r for r in results if r is not None]


# ---------------------------------------------------------------------------------------
# The tutorials (acceptance 1)

def tutorial_examples(checkout: Path) -> list[Example]:
    found = []
    for name, rel, _ in TUTORIALS:
        example = rmd_example(checkout, tutorial_source(checkout, rel), family="tutorial")
        example.name = name
        found.append(example)
    return found


def run_tutorials(examples: list[Example], expected: dict[str, str], translate=default_translate,
                  timeout: float = 600.0, options: dict | None = None,
                  jobs: int = 1) -> list[Result]:
    """Run each tutorial; its summaries must match those of `expected[name]` (a text, e.g.
    the hand-written vignette)."""
    for e in examples:
        e.blocks[0].output = expected[e.name]
    return run_all(examples, translate, jobs, timeout, {"cap_fit": True, **(options or {})})


# ---------------------------------------------------------------------------------------

def main(argv: list[str] | None = None, translate=default_translate) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child"]:
        return child_main(argv[1])
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("checkout", type=Path, help="a checkout of rstudio/keras3")
    parser.add_argument("--family", default="",
                        help="comma-separated families to run (layer,op,...); all by default")
    parser.add_argument("--jobs", type=int, default=1, help="examples run at once")
    parser.add_argument("--timeout", type=float, default=None,
                        help="seconds per example (120; 600 for vignettes and tutorials)")
    parser.add_argument("--report", type=Path, help="write a Markdown report there")
    parser.add_argument("--vignettes", action="store_true",
                        help="also run the vignettes (family `vignette`)")
    parser.add_argument("--tutorials", action="store_true",
                        help="run the four tutorials of acceptance 1 and compare their "
                             "summaries with the hand-written vignettes")
    parser.add_argument("--epochs", type=int, default=1,
                        help="vignettes, tutorials: at most this many epochs per fit()")
    parser.add_argument("--fit-samples", type=int, default=2000,
                        help="vignettes, tutorials: fit() on at most this many samples")
    parser.add_argument("--names", default="", help="comma-separated example names to run")
    parser.add_argument("--dtypes", action="store_true",
                        help="tensors must also have the documented dtype kind (float, int, "
                             "bool)")
    parser.add_argument("--show", action="store_true",
                        help="print each example's R, Python, documented and printed output")
    args = parser.parse_args(argv)
    global DTYPES
    DTYPES = args.dtypes
    checkout = args.checkout.resolve()
    options = {"epochs": args.epochs, "fit_samples": args.fit_samples}
    names = {n for n in args.names.split(",") if n}

    def progress(r: Result):
        print(f"{r.status:<16} {r.example.name} ({r.seconds:.1f} s) {r.reason}", flush=True)

    if args.tutorials:
        examples = [e for e in tutorial_examples(checkout) if not names or e.name in names]
        expected = {name: (ROOT / "vignettes" / md).read_text(encoding="utf-8")
                    for name, _, md in TUTORIALS}
        results = run_tutorials(examples, expected, translate, timeout=args.timeout or 600.0,
                                options=options, jobs=args.jobs)
        for r in results:
            progress(r)
            if args.show:
                print(format_details(r) + "\n")
        ok = all(r.status == "pass" for r in results)
        print(f"tutorials: {sum(r.status == 'pass' for r in results)}/{len(results)} give the "
              "hand-written vignettes' shapes and parameter counts")
        if args.report:
            args.report.write_text(format_markdown(results, "R keras3 tutorials, translated"))
        return 0 if ok else 1
    families = {f for f in args.family.split(",") if f}
    examples = rd_examples(checkout, families or None)
    if names:
        examples = [e for e in examples if e.name in names]
    results = run_all(examples, translate, jobs=args.jobs, timeout=args.timeout or 120.0,
                      progress=progress)
    if args.vignettes:
        vignettes = [e for e in vignette_examples(checkout) if not names or e.name in names]
        results += run_all(vignettes, translate, jobs=args.jobs, timeout=args.timeout or 600.0,
                           options={"cap_fit": True, **options}, progress=progress)
    if args.show:
        for r in results:
            print(format_details(r) + "\n")
    print()
    print(format_text(results))
    if args.report:
        args.report.write_text(format_markdown(results, "R keras3's examples, translated"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
