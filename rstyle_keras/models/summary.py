"""`summary()` tables in the layout Keras prints."""

from __future__ import annotations

WIDTHS = (33, 24, 15)  # column widths, borders excluded, as Keras's default table


def _wrap(text: str, width: int) -> list[str]:
    """Word-wrap to `width`; a word too long for a line is cut with an ellipsis."""
    lines: list[str] = []
    for word in text.split(" "):
        if len(word) > width:
            word = word[: width - 1] + "…"
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def format_shape(shape) -> str:
    return "?" if shape is None else str(tuple(shape))


def summary_table(model_name: str, rows: list[tuple[str, str, str]]) -> str:
    """rows: (layer name with class, output shape text, parameter count text)."""
    inner = [w - 2 for w in WIDTHS]
    out = [f'Model: "{model_name}"']
    out.append("┏" + "┳".join("━" * w for w in WIDTHS) + "┓")
    headers = ("Layer (type)", "Output Shape", "Param #")
    out.append(
        "┃ " + headers[0].ljust(inner[0]) + " ┃ " + headers[1].ljust(inner[1]) + " ┃ "
        + headers[2].rjust(inner[2]) + " ┃"
    )
    out.append("┡" + "╇".join("━" * w for w in WIDTHS) + "┩")
    for i, (layer_text, shape_text, params_text) in enumerate(rows):
        if i:
            out.append("├" + "┼".join("─" * w for w in WIDTHS) + "┤")
        cells = [_wrap(layer_text, inner[0]), _wrap(shape_text, inner[1]), [params_text]]
        for line in range(max(map(len, cells))):
            parts = [c[line] if line < len(c) else "" for c in cells]
            out.append(
                "│ " + parts[0].ljust(inner[0]) + " │ " + parts[1].ljust(inner[1]) + " │ "
                + parts[2].rjust(inner[2]) + " │"
            )
    out.append("└" + "┴".join("─" * w for w in WIDTHS) + "┘")
    out += [
        " Total params: 0 (0.00 B)",
        " Trainable params: 0 (0.00 B)",
        " Non-trainable params: 0 (0.00 B)",
    ]
    return "\n".join(out)
