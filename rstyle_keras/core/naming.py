"""Automatic names, as Keras gives them: `average_pooling2d`, `average_pooling2d_1`, ..."""

from __future__ import annotations

import re
from collections import defaultdict
from functools import cache

_uids: defaultdict[str, int] = defaultdict(int)


@cache
def to_snake_case(name: str) -> str:
    """`AveragePooling2D` -> `average_pooling2d` (Keras's rule)."""
    name = re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
    return re.sub(r"([a-z])([A-Z])", r"\1_\2", name).lower()


def auto_name(prefix: str) -> str:
    """The next free name for `prefix`: the bare prefix first, then `prefix_1`, ..."""
    count = _uids[prefix]
    _uids[prefix] += 1
    return prefix if count == 0 else f"{prefix}_{count}"


def clear_session() -> None:
    """Reset the automatic names, so the next layer is `average_pooling2d` again.

    Value: None, called for its effect (as R keras3's `clear_session()`).

    Examples:
        >>> from rstyle_keras import layer_average_pooling_2d
        >>> clear_session()
        >>> layer_average_pooling_2d(pool_size=2).name
        'average_pooling2d'
    """
    _uids.clear()
