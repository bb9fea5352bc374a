"""Coverage of R keras3's exports: each of the 792 names in R keras3's NAMESPACE (rstudio/
keras3, main) is here under the naming rule of `vignettes/r-names.md`, or in that page's
table of what is left out (the single source: this test reads the table from it).

The coverage is printed at the end of the run (and with `-s`); below 95%, a name neither
here nor excluded, or an excluded name that is also here fails.
"""

from __future__ import annotations

import keyword
import re
import types
from pathlib import Path

import pytest

import rstyle_keras as rk
from tests import pytest_plugin

NAMES_PAGE = Path(__file__).parent.parent / "vignettes" / "r-names.md"
TARGET = 0.95

# `grep '^export(' NAMESPACE` of rstudio/keras3 (main), in its order, verbatim.
R_KERAS3_EXPORTS = (
    '%<-%', '%<-active%', '%<>%', '%>%', '%as%', '%py_class%', 'op_subset<-', '.', 'Callback',
    'Constraint', 'Layer', 'Loss', 'Metric', 'Model', 'activation_celu', 'activation_elu',
    'activation_exponential', 'activation_gelu', 'activation_glu', 'activation_hard_shrink',
    'activation_hard_sigmoid', 'activation_hard_silu', 'activation_hard_swish',
    'activation_hard_tanh', 'activation_leaky_relu', 'activation_linear', 'activation_log_sigmoid',
    'activation_log_softmax', 'activation_mish', 'activation_relu', 'activation_relu6',
    'activation_selu', 'activation_sigmoid', 'activation_silu', 'activation_soft_shrink',
    'activation_softmax', 'activation_softplus', 'activation_softsign', 'activation_sparse_plus',
    'activation_sparse_sigmoid', 'activation_sparsemax', 'activation_squareplus',
    'activation_tanh', 'activation_tanh_shrink', 'activation_threshold', 'active_property',
    'adapt', 'all_dims', 'application_convnext_base', 'application_convnext_large',
    'application_convnext_small', 'application_convnext_tiny', 'application_convnext_xlarge',
    'application_decode_predictions', 'application_densenet121', 'application_densenet169',
    'application_densenet201', 'application_efficientnet_b0', 'application_efficientnet_b1',
    'application_efficientnet_b2', 'application_efficientnet_b3', 'application_efficientnet_b4',
    'application_efficientnet_b5', 'application_efficientnet_b6', 'application_efficientnet_b7',
    'application_efficientnet_v2b0', 'application_efficientnet_v2b1',
    'application_efficientnet_v2b2', 'application_efficientnet_v2b3',
    'application_efficientnet_v2l', 'application_efficientnet_v2m', 'application_efficientnet_v2s',
    'application_inception_resnet_v2', 'application_inception_v3', 'application_mobilenet',
    'application_mobilenet_v2', 'application_mobilenet_v3_large', 'application_mobilenet_v3_small',
    'application_nasnet_large', 'application_nasnet_mobile', 'application_nasnetlarge',
    'application_nasnetmobile', 'application_preprocess_inputs', 'application_resnet101',
    'application_resnet101_v2', 'application_resnet152', 'application_resnet152_v2',
    'application_resnet50', 'application_resnet50_v2', 'application_vgg16', 'application_vgg19',
    'application_xception', 'array_reshape', 'as_iterator', 'as_tensor',
    'audio_dataset_from_directory', 'bidirectional', 'callback_backup_and_restore',
    'callback_csv_logger', 'callback_early_stopping', 'callback_lambda',
    'callback_learning_rate_scheduler', 'callback_model_checkpoint',
    'callback_reduce_lr_on_plateau', 'callback_remote_monitor', 'callback_swap_ema_weights',
    'callback_tensorboard', 'callback_terminate_on_nan', 'clear_session', 'clone_model', 'compile',
    'config_backend', 'config_disable_flash_attention', 'config_disable_interactive_logging',
    'config_disable_traceback_filtering', 'config_dtype_policy', 'config_enable_flash_attention',
    'config_enable_interactive_logging', 'config_enable_traceback_filtering',
    'config_enable_unsafe_deserialization', 'config_epsilon', 'config_floatx',
    'config_image_data_format', 'config_is_flash_attention_enabled',
    'config_is_interactive_logging_enabled', 'config_is_nnx_enabled',
    'config_is_traceback_filtering_enabled', 'config_max_epochs', 'config_max_steps_per_epoch',
    'config_set_backend', 'config_set_dtype_policy', 'config_set_epsilon', 'config_set_floatx',
    'config_set_image_data_format', 'config_set_max_epochs', 'config_set_max_steps_per_epoch',
    'constraint_maxnorm', 'constraint_minmaxnorm', 'constraint_nonneg', 'constraint_unitnorm',
    'count_params', 'custom_metric', 'dataset_boston_housing', 'dataset_california_housing',
    'dataset_cifar10', 'dataset_cifar100', 'dataset_fashion_mnist', 'dataset_imdb',
    'dataset_imdb_word_index', 'dataset_mnist', 'dataset_reuters', 'dataset_reuters_word_index',
    'deserialize_keras_object', 'evaluate', 'export_savedmodel', 'feature_cross', 'feature_custom',
    'feature_float', 'feature_float_discretized', 'feature_float_normalized',
    'feature_float_rescaled', 'feature_integer_categorical', 'feature_integer_hashed',
    'feature_string_categorical', 'feature_string_hashed', 'fit', 'flag_boolean', 'flag_integer',
    'flag_numeric', 'flag_string', 'flags', 'freeze_weights', 'from_config', 'generate',
    'get_config', 'get_custom_objects', 'get_file', 'get_layer', 'get_registered_name',
    'get_registered_object', 'get_source_inputs', 'get_state_tree', 'get_vocabulary',
    'get_weights', 'image_array_save', 'image_dataset_from_directory', 'image_from_array',
    'image_load', 'image_smart_resize', 'image_to_array', 'imagenet_decode_predictions',
    'imagenet_preprocess_input', 'import', 'initializer_constant', 'initializer_glorot_normal',
    'initializer_glorot_uniform', 'initializer_he_normal', 'initializer_he_uniform',
    'initializer_identity', 'initializer_lecun_normal', 'initializer_lecun_uniform',
    'initializer_ones', 'initializer_orthogonal', 'initializer_random_normal',
    'initializer_random_uniform', 'initializer_stft', 'initializer_truncated_normal',
    'initializer_variance_scaling', 'initializer_zeros', 'install_keras', 'iter_next', 'iterate',
    'keras', 'keras_input', 'keras_model', 'keras_model_sequential', 'keras_variable',
    'layer_activation', 'layer_activation_elu', 'layer_activation_leaky_relu',
    'layer_activation_parametric_relu', 'layer_activation_relu', 'layer_activation_softmax',
    'layer_activity_regularization', 'layer_add', 'layer_additive_attention',
    'layer_alpha_dropout', 'layer_attention', 'layer_aug_mix', 'layer_auto_contrast',
    'layer_average', 'layer_average_pooling_1d', 'layer_average_pooling_2d',
    'layer_average_pooling_3d', 'layer_batch_normalization', 'layer_bidirectional',
    'layer_category_encoding', 'layer_center_crop', 'layer_concatenate', 'layer_conv_1d',
    'layer_conv_1d_transpose', 'layer_conv_2d', 'layer_conv_2d_transpose', 'layer_conv_3d',
    'layer_conv_3d_transpose', 'layer_conv_lstm_1d', 'layer_conv_lstm_2d', 'layer_conv_lstm_3d',
    'layer_cropping_1d', 'layer_cropping_2d', 'layer_cropping_3d', 'layer_cut_mix', 'layer_dense',
    'layer_depthwise_conv_1d', 'layer_depthwise_conv_2d', 'layer_discretization', 'layer_dot',
    'layer_dropout', 'layer_einsum_dense', 'layer_embedding', 'layer_equalization',
    'layer_feature_space', 'layer_flatten', 'layer_flax_module_wrapper', 'layer_gaussian_dropout',
    'layer_gaussian_noise', 'layer_global_average_pooling_1d', 'layer_global_average_pooling_2d',
    'layer_global_average_pooling_3d', 'layer_global_max_pooling_1d',
    'layer_global_max_pooling_2d', 'layer_global_max_pooling_3d', 'layer_group_normalization',
    'layer_group_query_attention', 'layer_gru', 'layer_hashed_crossing', 'layer_hashing',
    'layer_identity', 'layer_input', 'layer_integer_lookup', 'layer_jax_model_wrapper',
    'layer_lambda', 'layer_layer_normalization', 'layer_lstm', 'layer_masking',
    'layer_max_num_bounding_boxes', 'layer_max_pooling_1d', 'layer_max_pooling_2d',
    'layer_max_pooling_3d', 'layer_maximum', 'layer_mel_spectrogram', 'layer_minimum',
    'layer_mix_up', 'layer_multi_head_attention', 'layer_multiply', 'layer_normalization',
    'layer_permute', 'layer_pipeline', 'layer_rand_augment', 'layer_random_brightness',
    'layer_random_color_degeneration', 'layer_random_color_jitter', 'layer_random_contrast',
    'layer_random_crop', 'layer_random_elastic_transform', 'layer_random_erasing',
    'layer_random_flip', 'layer_random_gaussian_blur', 'layer_random_grayscale',
    'layer_random_hue', 'layer_random_invert', 'layer_random_perspective',
    'layer_random_posterization', 'layer_random_rotation', 'layer_random_saturation',
    'layer_random_sharpness', 'layer_random_shear', 'layer_random_translation',
    'layer_random_zoom', 'layer_repeat_vector', 'layer_rescaling', 'layer_reshape',
    'layer_resizing', 'layer_rms_normalization', 'layer_rnn', 'layer_separable_conv_1d',
    'layer_separable_conv_2d', 'layer_simple_rnn', 'layer_solarization',
    'layer_spatial_dropout_1d', 'layer_spatial_dropout_2d', 'layer_spatial_dropout_3d',
    'layer_spectral_normalization', 'layer_stft_spectrogram', 'layer_string_lookup',
    'layer_subtract', 'layer_text_vectorization', 'layer_tfsm', 'layer_time_distributed',
    'layer_torch_module_wrapper', 'layer_unit_normalization', 'layer_upsampling_1d',
    'layer_upsampling_2d', 'layer_upsampling_3d', 'layer_zero_padding_1d', 'layer_zero_padding_2d',
    'layer_zero_padding_3d', 'learning_rate_schedule_cosine_decay',
    'learning_rate_schedule_cosine_decay_restarts', 'learning_rate_schedule_exponential_decay',
    'learning_rate_schedule_inverse_time_decay', 'learning_rate_schedule_piecewise_constant_decay',
    'learning_rate_schedule_polynomial_decay', 'load_model', 'load_model_config',
    'load_model_weights', 'loss_binary_crossentropy', 'loss_binary_focal_crossentropy',
    'loss_categorical_crossentropy', 'loss_categorical_focal_crossentropy',
    'loss_categorical_generalized_cross_entropy', 'loss_categorical_hinge', 'loss_circle',
    'loss_cosine_similarity', 'loss_ctc', 'loss_dice', 'loss_hinge', 'loss_huber',
    'loss_kl_divergence', 'loss_log_cosh', 'loss_mean_absolute_error',
    'loss_mean_absolute_percentage_error', 'loss_mean_squared_error',
    'loss_mean_squared_logarithmic_error', 'loss_poisson', 'loss_sparse_categorical_crossentropy',
    'loss_squared_hinge', 'loss_tversky', 'mark_active', 'metric_auc', 'metric_binary_accuracy',
    'metric_binary_crossentropy', 'metric_binary_focal_crossentropy', 'metric_binary_iou',
    'metric_categorical_accuracy', 'metric_categorical_crossentropy',
    'metric_categorical_focal_crossentropy', 'metric_categorical_hinge',
    'metric_concordance_correlation', 'metric_cosine_similarity', 'metric_f1_score',
    'metric_false_negatives', 'metric_false_positives', 'metric_fbeta_score', 'metric_hinge',
    'metric_huber', 'metric_iou', 'metric_kl_divergence', 'metric_log_cosh',
    'metric_log_cosh_error', 'metric_mean', 'metric_mean_absolute_error',
    'metric_mean_absolute_percentage_error', 'metric_mean_iou', 'metric_mean_squared_error',
    'metric_mean_squared_logarithmic_error', 'metric_mean_wrapper', 'metric_one_hot_iou',
    'metric_one_hot_mean_iou', 'metric_pearson_correlation', 'metric_poisson', 'metric_precision',
    'metric_precision_at_recall', 'metric_r2_score', 'metric_recall', 'metric_recall_at_precision',
    'metric_root_mean_squared_error', 'metric_sensitivity_at_specificity',
    'metric_sparse_categorical_accuracy', 'metric_sparse_categorical_crossentropy',
    'metric_sparse_top_k_categorical_accuracy', 'metric_specificity_at_sensitivity',
    'metric_squared_hinge', 'metric_sum', 'metric_top_k_categorical_accuracy',
    'metric_true_negatives', 'metric_true_positives', 'named_list', 'new_callback_class',
    'new_layer_class', 'new_learning_rate_schedule_class', 'new_loss_class', 'new_metric_class',
    'new_model_class', 'newaxis', 'normalize', 'np_array', 'op_abs', 'op_add', 'op_all',
    'op_angle', 'op_any', 'op_append', 'op_arange', 'op_arccos', 'op_arccosh', 'op_arcsin',
    'op_arcsinh', 'op_arctan', 'op_arctan2', 'op_arctanh', 'op_argmax', 'op_argmin',
    'op_argpartition', 'op_argsort', 'op_array', 'op_associative_scan', 'op_average',
    'op_average_pool', 'op_bartlett', 'op_batch_normalization', 'op_binary_crossentropy',
    'op_bincount', 'op_bitwise_and', 'op_bitwise_invert', 'op_bitwise_left_shift',
    'op_bitwise_not', 'op_bitwise_or', 'op_bitwise_right_shift', 'op_bitwise_xor', 'op_blackman',
    'op_broadcast_to', 'op_cast', 'op_categorical_crossentropy', 'op_cbrt', 'op_ceil', 'op_celu',
    'op_cholesky', 'op_clip', 'op_concatenate', 'op_cond', 'op_conj', 'op_conv',
    'op_conv_transpose', 'op_convert_to_array', 'op_convert_to_numpy', 'op_convert_to_tensor',
    'op_copy', 'op_corrcoef', 'op_correlate', 'op_cos', 'op_cosh', 'op_count_nonzero', 'op_cross',
    'op_ctc_decode', 'op_ctc_loss', 'op_cumprod', 'op_cumsum', 'op_custom_gradient', 'op_deg2rad',
    'op_depthwise_conv', 'op_det', 'op_diag', 'op_diagflat', 'op_diagonal', 'op_diff',
    'op_digitize', 'op_divide', 'op_divide_no_nan', 'op_dot', 'op_dot_product_attention',
    'op_dtype', 'op_eig', 'op_eigh', 'op_einsum', 'op_elu', 'op_empty', 'op_equal', 'op_erf',
    'op_erfinv', 'op_exp', 'op_exp2', 'op_expand_dims', 'op_expm1', 'op_extract_sequences',
    'op_eye', 'op_fft', 'op_fft2', 'op_flip', 'op_floor', 'op_floor_divide', 'op_fori_loop',
    'op_full', 'op_full_like', 'op_gelu', 'op_get_item', 'op_glu', 'op_greater',
    'op_greater_equal', 'op_hamming', 'op_hanning', 'op_hard_shrink', 'op_hard_sigmoid',
    'op_hard_silu', 'op_hard_swish', 'op_hard_tanh', 'op_heaviside', 'op_histogram', 'op_hstack',
    'op_identity', 'op_ifft2', 'op_imag', 'op_image_affine_transform', 'op_image_crop',
    'op_image_elastic_transform', 'op_image_extract_patches', 'op_image_gaussian_blur',
    'op_image_hsv_to_rgb', 'op_image_map_coordinates', 'op_image_pad',
    'op_image_perspective_transform', 'op_image_resize', 'op_image_rgb_to_grayscale',
    'op_image_rgb_to_hsv', 'op_in_top_k', 'op_inner', 'op_inv', 'op_irfft', 'op_is_tensor',
    'op_isclose', 'op_isfinite', 'op_isinf', 'op_isnan', 'op_istft', 'op_kaiser',
    'op_layer_normalization', 'op_leaky_relu', 'op_left_shift', 'op_less', 'op_less_equal',
    'op_linspace', 'op_log', 'op_log10', 'op_log1p', 'op_log2', 'op_log_sigmoid', 'op_log_softmax',
    'op_logaddexp', 'op_logdet', 'op_logical_and', 'op_logical_not', 'op_logical_or',
    'op_logical_xor', 'op_logspace', 'op_logsumexp', 'op_lstsq', 'op_lu_factor', 'op_map',
    'op_matmul', 'op_max', 'op_max_pool', 'op_maximum', 'op_mean', 'op_median', 'op_meshgrid',
    'op_min', 'op_minimum', 'op_mod', 'op_moments', 'op_moveaxis', 'op_multi_hot', 'op_multiply',
    'op_nan_to_num', 'op_ndim', 'op_negative', 'op_nonzero', 'op_norm', 'op_normalize',
    'op_not_equal', 'op_one_hot', 'op_ones', 'op_ones_like', 'op_outer', 'op_pad', 'op_pmax',
    'op_pmin', 'op_polar', 'op_power', 'op_prod', 'op_psnr', 'op_qr', 'op_quantile', 'op_ravel',
    'op_real', 'op_rearrange', 'op_reciprocal', 'op_relu', 'op_relu6', 'op_repeat', 'op_reshape',
    'op_rfft', 'op_right_shift', 'op_rms_normalization', 'op_roll', 'op_rot90', 'op_round',
    'op_rsqrt', 'op_saturate_cast', 'op_scan', 'op_scatter', 'op_scatter_update',
    'op_searchsorted', 'op_segment_max', 'op_segment_sum', 'op_select', 'op_selu',
    'op_separable_conv', 'op_shape', 'op_sigmoid', 'op_sign', 'op_signbit', 'op_silu', 'op_sin',
    'op_sinh', 'op_size', 'op_slice', 'op_slice_update', 'op_slogdet', 'op_soft_shrink',
    'op_softmax', 'op_softplus', 'op_softsign', 'op_solve', 'op_solve_triangular', 'op_sort',
    'op_sparse_categorical_crossentropy', 'op_sparse_plus', 'op_sparse_sigmoid', 'op_sparsemax',
    'op_split', 'op_sqrt', 'op_square', 'op_squareplus', 'op_squeeze', 'op_stack', 'op_std',
    'op_stft', 'op_stop_gradient', 'op_subset', 'op_subset_set', 'op_subtract', 'op_sum', 'op_svd',
    'op_swapaxes', 'op_switch', 'op_take', 'op_take_along_axis', 'op_tan', 'op_tanh',
    'op_tanh_shrink', 'op_tensordot', 'op_threshold', 'op_tile', 'op_top_k', 'op_trace',
    'op_transpose', 'op_tri', 'op_tril', 'op_triu', 'op_trunc', 'op_unravel_index', 'op_unstack',
    'op_var', 'op_vdot', 'op_vectorize', 'op_vectorized_map', 'op_view_as_complex',
    'op_view_as_real', 'op_vstack', 'op_where', 'op_while_loop', 'op_zeros', 'op_zeros_like',
    'optimizer_adadelta', 'optimizer_adafactor', 'optimizer_adagrad', 'optimizer_adam',
    'optimizer_adam_w', 'optimizer_adamax', 'optimizer_ftrl', 'optimizer_lamb', 'optimizer_lion',
    'optimizer_loss_scale', 'optimizer_muon', 'optimizer_nadam', 'optimizer_rmsprop',
    'optimizer_sgd', 'pad_sequences', 'pop_layer', 'predict_on_batch', 'py_help', 'py_require',
    'py_to_r', 'quantize_weights', 'r_to_py', 'random_beta', 'random_binomial',
    'random_categorical', 'random_dropout', 'random_gamma', 'random_integer', 'random_normal',
    'random_seed_generator', 'random_shuffle', 'random_truncated_normal', 'random_uniform',
    'register_keras_serializable', 'regularizer_l1', 'regularizer_l1_l2', 'regularizer_l2',
    'regularizer_orthogonal', 'reset_state', 'rnn_cell_gru', 'rnn_cell_lstm', 'rnn_cell_simple',
    'rnn_cells_stack', 'run_dir', 'save_model', 'save_model_config', 'save_model_weights',
    'serialize_keras_object', 'set_custom_objects', 'set_random_seed', 'set_state_tree',
    'set_vocabulary', 'set_weights', 'shape', 'split_dataset', 'tensorboard', 'test_on_batch',
    'text_dataset_from_directory', 'time_distributed', 'timeseries_dataset_from_array',
    'to_categorical', 'train_on_batch', 'tuple', 'unfreeze_weights', 'use_backend', 'use_python',
    'use_virtualenv', 'with_custom_object_scope', 'zip_lists',
)

# Exports that are objects, not functions, and what each must be.
NOT_FUNCTIONS = {
    "keras": lambda value: isinstance(value, types.ModuleType),
    "newaxis": lambda value: value is None,
}


def python_name(r_name: str) -> str | None:
    """The naming rule of vignettes/r-names.md: None for an operator (`%op%`, `.`), which
    must be in the table; `f<-` is `f_set`; dots become underscores; a Python keyword
    gets a trailing underscore."""
    if r_name == "." or re.fullmatch(r"%.+%", r_name):
        return None
    if r_name.endswith("<-"):
        base = python_name(r_name[:-2])
        return base and f"{base}_set"
    name = r_name.replace(".", "_")
    return f"{name}_" if keyword.iskeyword(name) else name


def excluded_names() -> dict[str, str]:
    """The first column of the "Left out" table of vignettes/r-names.md: {name: why}."""
    text = NAMES_PAGE.read_text()
    section = text.split("\n## Left out\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = re.match(r"\| `([^`]+)` \| (.+?) \|", line)
        if match:
            rows[match.group(1)] = match.group(2)
    return rows


def present(r_name: str) -> bool:
    name = python_name(r_name)
    if name is None or name not in rk.__all__ or not hasattr(rk, name):
        return False
    value = getattr(rk, name)
    return NOT_FUNCTIONS[name](value) if name in NOT_FUNCTIONS else callable(value)


def test_the_names_are_r_keras3s_792_exports():
    assert len(R_KERAS3_EXPORTS) == len(set(R_KERAS3_EXPORTS)) == 792


@pytest.mark.parametrize(("r_name", "expected"), [
    ("layer_dense", "layer_dense"), ("op_subset<-", "op_subset_set"), ("import", "import_"),
    ("max.col", "max_col"), ("%>%", None), (".", None), ("tuple", "tuple"),
])
def test_the_naming_rule(r_name, expected):
    assert python_name(r_name) == expected


def test_the_exclusions_table_is_read_from_the_docs():
    excluded = excluded_names()
    assert {"%>%", "%<-%", ".", "use_python", "py_require"} <= set(excluded)
    assert all(why.strip() for why in excluded.values())  # each has its reason


def test_every_excluded_name_is_an_export_and_not_here():
    excluded = excluded_names()
    assert not set(excluded) - set(R_KERAS3_EXPORTS), "the table names a non-export"
    stale = [name for name in excluded if present(name)]
    assert not stale, f"excluded in vignettes/r-names.md but present: {stale}"


def test_coverage_of_r_keras3s_exports():
    excluded = excluded_names()
    here = [name for name in R_KERAS3_EXPORTS if present(name)]
    missing = [name for name in R_KERAS3_EXPORTS if name not in here and name not in excluded]
    coverage = len(here) / len(R_KERAS3_EXPORTS)
    line = (f"R keras3 coverage: {len(here)} of {len(R_KERAS3_EXPORTS)} exports here "
            f"({coverage:.1%}), {len(excluded)} left out (vignettes/r-names.md), "
            f"{len(missing)} missing")
    print(line)
    pytest_plugin.SUMMARY_LINES.append(line)
    assert not missing, f"{line}: {', '.join(missing)}"
    assert coverage >= TARGET, line


@pytest.mark.parametrize("name", sorted(NOT_FUNCTIONS))
def test_objects_that_are_not_functions_are_exports(name):
    assert name in R_KERAS3_EXPORTS
