"""R keras3's model verbs and model functions, as data: a row per function.

Each row: the R name; the name of its first argument (the object: a model, layer or
history); R's other arguments with R's defaults, written as a Python parameter list (R's
`...` is `**kwargs`, and the arguments R puts after `...` are keyword-only); the converter
of each argument (`rstyle_keras.r.verbs.VERB_CONVERTERS`); the arguments R always
forwards ("forced": the rest are forwarded only when the call names them); and what the
object may be ("model": a model or layer; "plottable": a model or a training history).

The sources are rstudio/keras3's R/model-training.R, R/model-creation.R,
R/model-persistence.R, R/layer-methods.R, R/freeze.R and R/utils.R. One R name is not a
Python name: `from` (freeze_weights) is `from_`.
"""

VERBOSE = "verbose='auto'"

# (R name, object, arguments, converters, forced, object kind)
VERBS = [
    # -- training (R/model-training.R) -------------------------------------------------
    ("compile", "object",
     "optimizer='rmsprop', loss=None, metrics=None, *, loss_weights=None, "
     "weighted_metrics=None, run_eagerly=False, steps_per_execution=1, jit_compile='auto', "
     "auto_scale_loss=True, **kwargs",
     {"steps_per_execution": "as_integer", "loss": "as_loss", "metrics": "as_metrics",
      "weighted_metrics": "as_list", "loss_weights": "as_list"},
     (), "model"),
    ("fit", "object",
     "x=None, y=None, *, batch_size=None, epochs=1, callbacks=None, validation_split=0, "
     "validation_data=None, shuffle=True, class_weight=None, sample_weight=None, "
     "initial_epoch=1, steps_per_epoch=None, validation_steps=None, "
     f"validation_batch_size=None, validation_freq=1, {VERBOSE}, view_metrics='auto', "
     "**kwargs",
     {"x": "as_data", "y": "as_data", "sample_weight": "as_data",
      "validation_data": "as_validation_data", "batch_size": "as_integer",
      "validation_batch_size": "as_integer", "epochs": "as_integer",
      "initial_epoch": "as_index", "steps_per_epoch": "as_integer",
      "validation_freq": "as_integer", "validation_steps": "as_integer",
      "class_weight": "as_class_weight", "verbose": "as_model_verbose",
      "callbacks": "as_list"},
     ("verbose",), "model"),
    ("evaluate", "object",
     f"x=None, y=None, *, batch_size=None, {VERBOSE}, sample_weight=None, steps=None, "
     "callbacks=None, **kwargs",
     {"x": "as_data", "y": "as_data", "sample_weight": "as_data", "batch_size": "as_integer",
      "steps": "as_integer", "verbose": "as_model_verbose", "callbacks": "as_list"},
     ("verbose",), "model"),
    ("predict", "object",
     f"x, *, batch_size=None, {VERBOSE}, steps=None, callbacks=None, **kwargs",
     {"x": "as_data", "batch_size": "as_integer", "steps": "as_integer",
      "verbose": "as_model_verbose", "callbacks": "as_list"},
     ("verbose",), "model"),
    ("predict_on_batch", "object", "x", {"x": "as_data"}, (), "model"),
    ("test_on_batch", "object", "x, y=None, sample_weight=None, **kwargs",
     {"x": "as_data", "y": "as_data", "sample_weight": "as_data"}, (), "model"),
    ("train_on_batch", "object", "x, y=None, sample_weight=None, class_weight=None",
     {"x": "as_data", "y": "as_data", "sample_weight": "as_data",
      "class_weight": "as_class_weight"}, (), "model"),
    ("summary", "object",
     "*, line_length=None, positions=None, expand_nested=False, show_trainable=None, "
     "layer_range=None, **kwargs",
     {"line_length": "as_integer"}, (), "model"),
    ("plot", "x", "**kwargs", {}, (), "plottable"),
    # -- models and layers (R/model-creation.R, R/layer-methods.R, R/freeze.R) ---------
    ("get_layer", "object", "name=None, index=None", {"index": "as_index"}, (), "model"),
    ("pop_layer", "object", "rebuild=True", {}, (), "model"),
    ("clone_model", "model",
     "input_tensors=None, clone_function=None, call_function=None, recursive=False, "
     "**kwargs", {}, (), "model"),
    ("count_params", "object", "", {}, (), "model"),
    ("get_weights", "object", "trainable=None", {}, (), "model"),
    ("set_weights", "object", "weights", {}, (), "model"),
    ("freeze_weights", "object", "from_=None, to=None, which=None", {}, (), "model"),
    ("unfreeze_weights", "object", "from_=None, to=None, which=None", {}, (), "model"),
    ("get_config", "object", "", {}, (), "model"),
    # -- saving (R/model-persistence.R) --------------------------------------------------
    ("save_model", "model", "filepath=None, overwrite=False, zipped=None, **kwargs", {},
     (), "model"),
    ("save_model_weights", "model", "filepath, overwrite=False, max_shard_size=None", {},
     (), "model"),
    ("load_model_weights", "model", "filepath, skip_mismatch=False, **kwargs", {}, (),
     "model"),
    ("save_model_config", "model", "filepath=None, overwrite=False", {}, (), "model"),
]
