/**
 * The artifact types of KFP 2, for {@code @Component} methods: {@link dev.kfp4j.artifacts.Artifact}
 * and its kinds {@link dev.kfp4j.artifacts.Dataset}, {@link dev.kfp4j.artifacts.Model},
 * {@link dev.kfp4j.artifacts.Metrics}, {@link dev.kfp4j.artifacts.ClassificationMetrics},
 * {@link dev.kfp4j.artifacts.SlicedClassificationMetrics}, {@link dev.kfp4j.artifacts.HTML} and {@link dev.kfp4j.artifacts.Markdown}, KFP's {@code
 * system.*} schema titles.
 *
 * <p>A parameter of one of these types is an input artifact; one annotated {@code @Out} is an
 * output artifact, which the method writes to {@code path()} and describes in {@code metadata()}:
 *
 * <pre>{@code
 * @Component
 * public static double train(Dataset data, int epochs, @Out Model model, @Out Metrics metrics) throws IOException {
 *   List<String> rows = Files.readAllLines(data.path());
 *   Files.writeString(model.path(), weights(rows, epochs));
 *   model.metadata().put("framework", "none");
 *   metrics.log("rmse", 0.25);
 *   return 0.25;
 * }
 * }</pre>
 *
 * The generated entrypoint makes these objects from KFP 2's executor input (or, in KFP v1, from
 * the file paths on its command line); a test makes them with {@code new Dataset(path)}.
 *
 * <p>Beside them, {@link dev.kfp4j.artifacts.MlpipelineMetrics} and {@link
 * dev.kfp4j.artifacts.MlpipelineUiMetadata} write the two files KFP v1's UI reads, {@code
 * mlpipeline-metrics} and {@code mlpipeline-ui-metadata}, taken as {@code @Out} parameters too;
 * and {@link dev.kfp4j.artifacts.PipelineTaskFinalStatus}, the pipeline's final status, which an
 * exit task takes as KFP's {@code dsl.PipelineTaskFinalStatus}, and {@link
 * dev.kfp4j.artifacts.TaskConfig}, a task's configuration, KFP 2's {@code dsl.TaskConfig}: they live
 * here, in the lean entrypoint artifact, because the component's image needs them and the
 * entrypoint makes them.
 */
package dev.kfp4j.artifacts;
