"""The help pages of the verbs in `verb_table.VERBS` (R reference style; the examples run
as doctests). Every verb also works as `object | verb(...)`."""

_KERAS = '''    >>> config_set_engine("keras")
    >>> model = keras_model_sequential(input_shape=c(4))
    >>> model = model | layer_dense(units=8, activation="relu") | layer_dense(units=3)
'''
_TRAINED = _KERAS + '''    >>> loss = "sparse_categorical_crossentropy"
    >>> model = model | compile(loss=loss, optimizer="adam", metrics="accuracy")
    >>> x = np.random.default_rng(1).random((32, 4)); y = np.arange(32) % 3
'''

DOCS = {
    "compile": f"""Configure a model for training: optimizer, loss and metrics.

Arguments:
    object: the model.
    optimizer: a name ("rmsprop", "adam", ...) or an optimizer object.
    loss: a loss name or object; a list (one per output) or dict (by output name).
    metrics: a name or vector of names (`c("accuracy")`), or metric objects: always
        passed as a list.
    **kwargs: passed on to Keras.
    loss_weights, weighted_metrics, run_eagerly, steps_per_execution, jit_compile,
        auto_scale_loss: as Keras's `Model.compile()`; `loss_weights = c(1, 0.2)` is a
        list, a named list (dict) stays by output name.

Value: the model, compiled in place (R returns it invisibly, for chaining).

Examples:
{_KERAS}    >>> model | compile(loss="mse", optimizer="adam", metrics=c("mae"))
    <Sequential name=sequential, built=True>
""",
    "fit": f"""Train a model for a number of epochs.

Arguments:
    object: a compiled model.
    x, y: the inputs and targets: arrays (a list of arrays, or a dict by input name, for
        several inputs).
    batch_size, epochs, steps_per_epoch, validation_steps, validation_batch_size,
        validation_freq: whole numbers (`epochs = 10` or `10.0`).
    callbacks: a callback or a list of them.
    validation_split: the fraction of the data kept for validation.
    validation_data: `list(x_val, y_val)` (or with sample weights).
    shuffle: whether to shuffle the samples each epoch.
    class_weight: a vector of weights by 1-based position (the first weight is class 0's)
        or a dict (R's named list) by class label.
    sample_weight: weights by sample.
    initial_epoch: 1-based, as in R: the epoch to start from.
    verbose: 0 (silent), 1 (progress bar), 2 (a line per epoch) or "auto"; "auto" follows
        RSTYLE_KERAS_VERBOSE when set (R's `options(keras.verbose=)`).
    view_metrics: R's RStudio viewer; there is none here, so it is ignored.

Value: the training history (Keras's `History`): `history.metrics.loss` holds each
epoch's loss; print it for the last epoch's metrics, `plot()` it for a figure.

Examples:
{_TRAINED}    >>> history = model | fit(x, y, epochs=3, batch_size=8, validation_split=0.25)
    >>> len(history.metrics.loss), history.metrics.names()
    (3, ('accuracy', 'loss', 'val_accuracy', 'val_loss'))
""",
    "evaluate": f"""The loss and metrics of a model on data.

Arguments:
    object: a compiled model.
    x, y: inputs and targets. batch_size, steps: whole numbers.
    verbose: 0, 1, 2 or "auto". sample_weight, callbacks: as for `fit()`.

Value: a dict of the metrics by name (R's named list).

Examples:
{_TRAINED}    >>> sorted(model | evaluate(x, y))
    ['accuracy', 'loss']
""",
    "predict": f"""A model's outputs on data, in batches.

Arguments:
    object: the model.
    x: the inputs. batch_size, steps: whole numbers. verbose: 0, 1, 2 or "auto".

Value: a NumPy array (a list of them for several outputs).

Examples:
{_KERAS}    >>> (model | predict(np.ones((5, 4)))).shape
    (5, 3)
""",
    "predict_on_batch": f"""A model's outputs on one batch.

Arguments:
    object: the model.
    x: one batch of inputs.

Value: a NumPy array.

Examples:
{_KERAS}    >>> predict_on_batch(model, np.ones((2, 4))).shape
    (2, 3)
""",
    "test_on_batch": f"""The loss and metrics of a model on one batch.

Arguments:
    object: a compiled model.
    x, y, sample_weight: one batch.

Value: a dict of the metrics by name; a single number when there is only the loss.

Examples:
{_TRAINED}    >>> sorted(test_on_batch(model, x, y))
    ['accuracy', 'loss']
""",
    "train_on_batch": f"""One gradient update on one batch.

Arguments:
    object: a compiled model.
    x, y, sample_weight: one batch. class_weight: as for `fit()`.

Value: a dict of the metrics by name; a single number when there is only the loss.

Examples:
{_TRAINED}    >>> sorted(train_on_batch(model, x, y))
    ['accuracy', 'loss']
""",
    "summary": """Print a model's table of layers, output shapes and parameter counts (Keras's
own table under the "keras" engine).

Arguments:
    object: the model.
    line_length, positions, expand_nested, show_trainable, layer_range: as Keras's
        `Model.summary()`; `show_trainable` defaults to whether the model has frozen
        weights, as in R.

Value: None (the table is printed).

Examples:
    >>> model = keras_model_sequential(input_shape=c(4, 1)) | layer_max_pooling_1d()
    >>> summary(model)
    Model: "sequential"
    ...
""",
    "plot": """Plot a training history or a model.

Arguments:
    x: a history from `fit()`: a matplotlib figure, one panel per metric, training and
        validation values by epoch (arguments `metrics`, `method`, `smooth`, `theme_bw`
        as R's); or a model: Keras's `plot_model()` (arguments `show_shapes`,
        `show_dtype`, `show_layer_names`, `rankdir`, `expand_nested`, `dpi`,
        `layer_range`, `show_layer_activations`, `show_trainable`, `to_file`), which needs
        pydot and Graphviz.

Value: the matplotlib Figure; for a model, the image (in IPython) or the PNG's path.
""",
    "get_layer": """A layer of a model, by name or by R's 1-based index.

Arguments:
    object: the model.
    name: the layer's name.
    index: 1-based: 1 is the first layer, -1 the last; 0 is an error.

Value: the layer.

Examples:
    >>> model = keras_model_sequential(input_shape=c(4, 1)) | layer_max_pooling_1d()
    >>> get_layer(model, index=1).name
    'max_pooling1d'
""",
    "pop_layer": """Remove the last layer of a Sequential model.

Arguments:
    object: a Sequential model.
    rebuild: whether to rebuild the model (Keras).

Value: the removed layer.
""",
    "clone_model": """A copy of a model with new weights (Keras's `clone_model()`).

Arguments:
    model: the model.
    input_tensors, clone_function, call_function, recursive: as Keras's.

Value: the new model.
""",
    "count_params": """The number of weights of a model or layer.

Arguments:
    object: a built model or layer.

Value: an integer.

Examples:
    >>> config_set_engine("keras")
    >>> keras_model_sequential(input_shape=c(4)) | layer_dense(units=2) | count_params()
    10
""",
    "get_weights": """A model's or layer's weights as NumPy arrays.

Arguments:
    object: the model or layer.
    trainable: NA (None: all), True (the trainable ones) or False (the others).

Value: a list of arrays.
""",
    "set_weights": """Set a model's or layer's weights from arrays.

Arguments:
    object: the model or layer.
    weights: a list of arrays, as `get_weights()` returns.

Value: the object.
""",
    "freeze_weights": """Make a model's weights (or some layers') untrainable.

Arguments:
    object: the model.
    from_, to: the first and last layers to freeze (R's `from`, a Python keyword; also
        accepted as `**{"from": ...}`): names, layers or 1-based indices (negative from the
        end); the other layers become trainable. Neither: the whole model.
    which: the layers to freeze instead: names, 1-based indices, layers, a logical
        vector, or a function of a layer returning True/False.

Value: the model.

Examples:
    >>> config_set_engine("keras")
    >>> model = keras_model_sequential(input_shape=c(4))
    >>> model = model | layer_dense(units=3) | layer_dense(units=2)
    >>> [layer.trainable for layer in freeze_weights(model, from_=1, to=1).layers]
    [False, True]
""",
    "unfreeze_weights": """Make a model's weights (or some layers') trainable again.

Arguments:
    object, from_, to, which: as for `freeze_weights()`; the chosen layers become
        trainable and the others not.

Value: the model.
""",
    "get_config": """A layer's or model's configuration: a dict that remembers its class, so
that `from_config()` rebuilds it.

Arguments:
    object: the layer or model.

Value: a dict (with a `keras_class` attribute).
""",
    "save_model": """Save a model (architecture, weights, optimizer state) as a `.keras` file,
which plain Keras loads with `keras.saving.load_model()`.

Arguments:
    model: the model (a core model is saved as the Keras model of the same layers).
    filepath: the file (`.keras`); None returns the file's bytes (R's raw vector).
    overwrite: replace an existing file; otherwise an existing file is an error.
    zipped: False saves an unzipped folder (Keras's option).

Value: the model; the bytes when `filepath` is None.
""",
    "save_model_weights": """Save a model's weights (`.weights.h5`).

Arguments:
    model: the model. filepath: the file, ending in ".weights.h5".
    overwrite: replace an existing file. max_shard_size: as Keras's.

Value: the model.
""",
    "load_model_weights": """Load weights saved by `save_model_weights()` into a model.

Arguments:
    model: a model of the same architecture. filepath: the file.
    skip_mismatch: skip layers whose weights do not match.

Value: the model.
""",
    "save_model_config": """Save a model's architecture as JSON (Keras's `to_json()` layout).

Arguments:
    model: the model.
    filepath: the file; None returns the JSON text.
    overwrite: replace an existing file.

Value: the model; the JSON text when `filepath` is None.
""",
}
