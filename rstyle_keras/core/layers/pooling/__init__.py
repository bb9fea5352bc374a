"""The pooling layers: windowed (average, max) and global, over 1, 2 or 3 spatial axes."""

from .average_pooling import AveragePooling1D, AveragePooling2D, AveragePooling3D
from .base_global_pooling import BaseGlobalPooling
from .base_pooling import BasePooling
from .global_pooling import (
    GlobalAveragePooling1D,
    GlobalAveragePooling2D,
    GlobalAveragePooling3D,
    GlobalMaxPooling1D,
    GlobalMaxPooling2D,
    GlobalMaxPooling3D,
)
from .max_pooling import MaxPooling1D, MaxPooling2D, MaxPooling3D

__all__ = [
    "AveragePooling1D", "AveragePooling2D", "AveragePooling3D",
    "BaseGlobalPooling", "BasePooling",
    "GlobalAveragePooling1D", "GlobalAveragePooling2D", "GlobalAveragePooling3D",
    "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D",
    "MaxPooling1D", "MaxPooling2D", "MaxPooling3D",
]
