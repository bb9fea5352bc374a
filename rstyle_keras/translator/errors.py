"""The translator's one error: what is not supported, and where (FILE:LINE:COLUMN)."""

from __future__ import annotations


class TranslationError(Exception):
    """R code the translator cannot turn into Python (or that is not valid R).

    The message begins `FILE:LINE:COLUMN: ` (lines and columns 1-based, as R counts
    them; `<string>` when the source has no file name).

    >>> str(TranslationError("formulas are not supported", "model.R", 3, 7))
    'model.R:3:7: formulas are not supported'
    """

    def __init__(self, message: str, filename: str | None = None, line: int = 0,
                 column: int = 0):
        self.message, self.line, self.column = message, line, column
        self.filename = filename or "<string>"
        super().__init__(f"{self.filename}:{line}:{column}: {message}")
