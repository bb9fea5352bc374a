"""The three examples of R keras3's `layer_average_pooling_2d` page, line for line.

Each example is printed with its R source, then the Python lines and their output.
"""

from __future__ import annotations

EXAMPLES = [
    (
        'strides=(1, 1) and padding="valid"',
        """x <- op_array(1:9, "float32") |> op_reshape(c(1, 3, 3, 1))
output <- x |>
  layer_average_pooling_2d(pool_size = c(2, 2),
                           strides = c(1, 1),
                           padding = "valid")
output""",
        """x = op_reshape(op_array(range(1, 10), "float32"), c(1, 3, 3, 1))
output = x | layer_average_pooling_2d(pool_size=c(2, 2),
                                      strides=c(1, 1),
                                      padding="valid")""",
    ),
    (
        'strides=(2, 2) and padding="valid"',
        """x <- op_array(1:12, "float32") |> op_reshape(c(1, 3, 4, 1))
output <- x |>
  layer_average_pooling_2d(pool_size = c(2, 2),
                           strides = c(2, 2),
                           padding = "valid")
output""",
        """x = op_reshape(op_array(range(1, 13), "float32"), c(1, 3, 4, 1))
output = x | layer_average_pooling_2d(pool_size=c(2, 2),
                                      strides=c(2, 2),
                                      padding="valid")""",
    ),
    (
        'stride=(1, 1) and padding="same"',
        """x <- op_array(1:9, "float32") |> op_reshape(c(1, 3, 3, 1))
output <- x |>
  layer_average_pooling_2d(pool_size = c(2, 2),
                           strides = c(1, 1),
                           padding = "same")
output""",
        """x = op_reshape(op_array(range(1, 10), "float32"), c(1, 3, 3, 1))
output = x | layer_average_pooling_2d(pool_size=c(2, 2),
                                      strides=c(1, 1),
                                      padding="same")""",
    ),
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
