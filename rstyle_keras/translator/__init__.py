"""R scripts to Python: `translate(source, filename=None)` and the pieces it is made of.

`tokenizer` (R's tokens with positions), `parser` (R's grammar and precedence: an AST),
`translator` (the AST to Python, statement by statement on the R lines), `documents`
(.Rmd and .qmd files: their R chunks) and `running` (compile and run a translated file so
that tracebacks name the R file's lines). `rstyle_keras.translate()` is this package's
`translate`, imported on first use.

    >>> print(translate("library(keras3)\\nmodel <- keras_model_sequential() |>\\n"
    ...                 "  layer_dense(32)"), end="")
    from rstyle_keras import *; from rstyle_keras.r.base import *; \
from rstyle_keras.r.syntax import *
    model = (keras_model_sequential() |
      layer_dense(units=32))
"""

from .errors import TranslationError
from .translator import Translation, translate_program


def translate(source: str, filename: str | None = None) -> str:
    """R source (an .R script; or an .Rmd/.qmd document when `filename` ends so) ->
    Python source whose lines match the R lines. Raises TranslationError
    (`FILE:LINE:COLUMN: what is not supported`)."""
    return translate_any(source, filename).python


def translate_any(source: str, filename: str | None = None) -> Translation:
    """Like translate(), with the R line of each Python line (`Translation.origin`)."""
    if filename and filename.lower().endswith((".rmd", ".qmd")):
        from .documents import translate_document
        return translate_document(source, filename)
    return translate_program(source, filename)


__all__ = ["TranslationError", "translate", "translate_any", "Translation"]
