"""`summary()` tables in the layout Keras prints."""

from __future__ import annotations

# Column widths, borders included, of Keras's tables on an 80-column terminal (and when
# output is not a terminal): a chain of layers, and a graph with a "Connected to" column.
CHAIN_WIDTHS = (33, 24, 15)
GRAPH_WIDTHS = (21, 19, 12, 19)


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


def summary_table(model_name: str, rows: list[tuple[str, ...]]) -> str:
    """rows: (layer name with class, output shape, parameter count[, connected to])."""
    widths = GRAPH_WIDTHS if rows and len(rows[0]) == 4 else CHAIN_WIDTHS
    inner = [w - 2 for w in widths]
    align = [str.ljust, str.ljust, str.rjust, str.ljust]

    def line(cells):
        return "│ " + " │ ".join(align[i](c, inner[i]) for i, c in enumerate(cells)) + " │"

    headers = ("Layer (type)", "Output Shape", "Param #", "Connected to")[: len(widths)]
    out = [f'Model: "{model_name}"', "┏" + "┳".join("━" * w for w in widths) + "┓"]
    out.append(line(headers).replace("│", "┃"))
    out.append("┡" + "╇".join("━" * w for w in widths) + "┩")
    for i, row in enumerate(rows):
        if i:
            out.append("├" + "┼".join("─" * w for w in widths) + "┤")
        cells = [_wrap(text, inner[j]) for j, text in enumerate(row)]
        for k in range(max(map(len, cells))):
            out.append(line([c[k] if k < len(c) else "" for c in cells]))
    out.append("└" + "┴".join("─" * w for w in widths) + "┘")
    out += [
        " Total params: 0 (0.00 B)",
        " Trainable params: 0 (0.00 B)",
        " Non-trainable params: 0 (0.00 B)",
    ]
    return "\n".join(out)
