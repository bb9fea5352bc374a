"""`python -m rstyle_keras` runs the examples of the spec page of layer_average_pooling_2d."""

from .spec_examples import main

main()
