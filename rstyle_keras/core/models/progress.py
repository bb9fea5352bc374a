"""The one-line progress bar `predict()` shows, as Keras does."""

from __future__ import annotations

import sys
import time


def resolve_verbose(verbose) -> int:
    """ "auto" is 1 on a terminal and 0 elsewhere; 0 silent, 1 bar, 2 one line at the end."""
    if verbose == "auto":
        return 1 if sys.stdout.isatty() else 0
    if verbose in (0, 1, 2) and not isinstance(verbose, bool):
        return int(verbose)
    raise ValueError(f'`verbose` must be "auto", 0, 1 or 2; received verbose={verbose!r}.')


class ProgressBar:
    """`3/10 ━━━━━━━━━━━━━━━━━━━━ 0s 2ms/step`, redrawn in place with verbose=1."""

    def __init__(self, total: int, verbose: int, stream=None, width: int = 20):
        self.total, self.verbose, self.width = total, verbose, width
        self.stream = stream if stream is not None else sys.stdout
        self.start = time.perf_counter()

    def _line(self, done: int) -> str:
        elapsed = time.perf_counter() - self.start
        filled = self.width * done // max(self.total, 1)
        bar = "━" * filled + (" " * (self.width - filled))
        per_step = elapsed / max(done, 1)
        pad = len(str(self.total))
        return f"{done:>{pad}}/{self.total} {bar} {elapsed:.0f}s {per_step * 1000:.0f}ms/step"

    def update(self, done: int) -> None:
        if self.verbose == 1:
            end = "\n" if done == self.total else ""
            self.stream.write("\r" + self._line(done) + end)
            self.stream.flush()
        elif self.verbose == 2 and done == self.total:
            self.stream.write(self._line(done) + "\n")
