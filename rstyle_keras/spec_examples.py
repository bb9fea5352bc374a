"""The three examples of R keras3's `layer_average_pooling_2d` page, line for line.

Each example is printed with its R source, then the Python lines and their output.
The examples differ only in these values, so both languages are written from one template.
"""

from __future__ import annotations

# (title, last value of 1:n, input shape, strides, padding)
CASES = [
    ('strides=(1, 1) and padding="valid"', 9, "1, 3, 3, 1", "1, 1", "valid"),
    ('strides=(2, 2) and padding="valid"', 12, "1, 3, 4, 1", "2, 2", "valid"),
    ('stride=(1, 1) and padding="same"', 9, "1, 3, 3, 1", "1, 1", "same"),
]

R_TEMPLATE = """\
x <- op_array(1:{n}, "float32") |> op_reshape(c({shape}))
output <- x |>
  layer_average_pooling_2d(pool_size = c(2, 2),
                           strides = c({strides}),
                           padding = "{padding}")
output"""

PYTHON_TEMPLATE = """\
x = op_reshape(op_array(range(1, {end}), "float32"), c({shape}))
output = x | layer_average_pooling_2d(pool_size=c(2, 2),
                                      strides=c({strides}),
                                      padding="{padding}")"""

EXAMPLES = [
    (
        title,
        R_TEMPLATE.format(n=n, shape=shape, strides=strides, padding=padding),
        PYTHON_TEMPLATE.format(end=n + 1, shape=shape, strides=strides, padding=padding),
    )
    for title, n, shape, strides, padding in CASES
]


def run_example(python_source: str):
    """Run one example's Python lines and return its `output`."""
    import rstyle_keras

    namespace = {name: getattr(rstyle_keras, name) for name in rstyle_keras.__all__}
    exec(python_source, namespace)
    return namespace["output"]


def main() -> None:
    for title, r_source, python_source in EXAMPLES:
        print(f"# {title}\n# R:")
        print("\n".join("#   " + line for line in r_source.splitlines()))
        print(python_source)
        print(run_example(python_source))
        print()


if __name__ == "__main__":
    main()
