"""The NumPy core: tensors, the pooling layers, Sequential and functional models, ops and
kernels, with results equal to Keras 3's. It imports no framework and nothing of the
package outside `core/` (the pipe is installed on its `Layer` by `rstyle_keras.dispatch`).
"""
