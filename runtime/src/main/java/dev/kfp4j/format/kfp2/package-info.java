/**
 * KFP 2's pipeline spec ("IR YAML", {@code PipelineSpec} of {@code pipeline_spec.proto}, with the
 * {@code platforms: kubernetes:} document of {@code kubernetes_executor_config.proto}):
 * {@link dev.kfp4j.format.kfp2.Kfp2Writer} writes a {@link dev.kfp4j.model.Pipeline} as KFP 2's
 * compiler does. The only code that knows the pipeline spec's keys.
 */
package dev.kfp4j.format.kfp2;
