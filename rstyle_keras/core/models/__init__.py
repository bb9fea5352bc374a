"""Models: Sequential stacks and functional graphs, and the R functions that make them."""

from .functional import Functional
from .model import Model
from .sequential import Sequential

__all__ = ["Functional", "Model", "Sequential"]
