"""R Markdown (.Rmd) and Quarto (.qmd) documents: their R chunks, line for line.

An R chunk opens with ```` ```{r ...} ```` (or ```` ``` r ````, as knitted Markdown
writes it). The document becomes one R script with its lines where they were: the code of each R
chunk as it is, every other line (prose, YAML header, chunk fences, chunks of other
languages) as a comment `# ...`, and the code of a chunk that R would not run
(`eval = FALSE` in its header, or Quarto's `#| eval: false`) commented out as well. All
chunks share one namespace, as knitr's do. The script is then translated as any other.

    >>> text = "Some prose.\\n\\n```{r}\\nx <- 1:3\\n```\\n\\n```{r, eval=FALSE}\\nx[[9]]\\n```\\n"
    >>> print(translate_document(text, "a.Rmd").python, end="")
    from rstyle_keras import *; from rstyle_keras.r.base import *; \
from rstyle_keras.r.syntax import *  # Some prose.
    <BLANKLINE>
    # ```{r}
    x = r_colon(1, 3)
    # ```
    <BLANKLINE>
    # ```{r, eval=FALSE}
    # x[[9]]
    # ```
"""

from __future__ import annotations

import re

from .translator import Translation, translate_program

FENCE_OPEN = re.compile(r"^\s*(`{3,})\s*(?:\{\s*([A-Za-z0-9_]+)(.*)\}|([A-Za-z0-9_]+))\s*$")
FENCE_PLAIN = re.compile(r"^\s*(`{3,})")
NOT_EVALUATED = re.compile(r"\beval\s*=\s*(FALSE|F)\b")
QUARTO_NOT_EVALUATED = re.compile(r"^\s*#\|\s*eval\s*:\s*false\s*$")


def as_comment(line: str) -> str:
    return "# " + line if line.strip() else ""


def r_script(text: str) -> str:
    """The document as an R script of the same lines (see the module's help)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    out, i = [], 0
    while i < len(lines):
        line = lines[i]
        opened = FENCE_OPEN.match(line)
        plain = None if opened else FENCE_PLAIN.match(line)
        if not (opened or plain):
            out.append(as_comment(line))
            i += 1
            continue
        fence = (opened or plain).group(1)
        # ```{r options} (R Markdown, Quarto) or ``` r (knitted Markdown, as R keras3's
        # vignettes are stored)
        language = (opened.group(2) or opened.group(4) or "").lower() if opened else ""
        options = (opened.group(3) or "") if opened else ""
        body, j = [], i + 1
        while j < len(lines) and not re.match(rf"^\s*{fence}\s*$", lines[j]):
            body.append(lines[j])
            j += 1
        runs = language == "r" and not NOT_EVALUATED.search(options) and not any(
            QUARTO_NOT_EVALUATED.match(b) for b in body)
        out.append(as_comment(line))
        out.extend(body if runs else [as_comment(b) for b in body])
        if j < len(lines):
            out.append(as_comment(lines[j]))
        i = j + 1
    return "\n".join(out)


def translate_document(text: str, filename: str | None = None) -> Translation:
    """An .Rmd/.qmd document -> Translation, its lines matching the document's."""
    return translate_program(r_script(text), filename)
