/**
 * The typed pipeline model every format reads and writes: a {@link dev.kfp4j.model.Pipeline} of
 * typed {@link dev.kfp4j.model.Parameter parameters}, {@link dev.kfp4j.model.Task tasks} running
 * components, their {@link dev.kfp4j.model.Argument arguments} (constant, pipeline parameter, task
 * output, loop item, a loop's collected outputs), the groups that hold them ({@link
 * dev.kfp4j.model.Condition}, {@link dev.kfp4j.model.Branches}, {@link dev.kfp4j.model.Loop}), an
 * exit task, the pipeline's outputs, and {@link dev.kfp4j.model.TaskSetting task} and {@link
 * dev.kfp4j.model.PipelineSettings pipeline settings}.
 *
 * <p>Nothing here is a format's vocabulary: Argo's workflow ({@code dev.kfp4j.format.argo}) and
 * KFP 2's pipeline spec ({@code dev.kfp4j.format.kfp2}) are readers and writers of this model. The
 * processor maps a {@code @Pipeline} body to it; the local runner, {@code ComponentOp}, the
 * {@code run_config} overlay and the clients work on it.
 */
package dev.kfp4j.model;
