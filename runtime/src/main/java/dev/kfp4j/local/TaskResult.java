package dev.kfp4j.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * What happened to one task of a local run.
 *
 * @param id the task's path in the run, e.g. {@code for-loop-1(0)/add}
 * @param name the task's name in its DAG
 * @param template the template it ran
 * @param state its final state
 * @param attempts how many times it ran, the last one failed by the runner itself included (0 when skipped, cached or resumed, or
 *     failed before an attempt: its cached outputs not reused, its plan failed)
 * @param exitCode the last attempt's exit code, or -1
 * @param outputs output parameters by name, in their text form
 * @param artifacts output files by name
 * @param millis how long it took
 * @param message why it failed or was skipped, or null
 * @param log the task's log file
 * @param command the container's command line as run here: command and args, with the container's
 *     paths mapped to files in the run's folder (as cached: what would have run); empty for a
 *     task that ran no container
 * @param label the task as shown to people: its id, with each loop iteration's item as Argo
 *     shows it, e.g. {@code for-loop-1(0:10)/add}
 * @param outputArtifacts its output artifacts with their type, URI and metadata, by output name
 * @param metrics the scalar metrics it logged, by name: the metadata of its KFP 2 {@code
 *     system.Metrics} artifacts and the {@code numberValue}s of its KFP v1 {@code mlpipeline-metrics}
 * @param visualizations what KFP's UI would draw for it, in KFP's own JSON shapes: each entry of its
 *     KFP v1 {@code mlpipeline-ui-metadata} outputs, and each KFP 2 {@code
 *     system.ClassificationMetrics} artifact as {@code {"type": "system.ClassificationMetrics",
 *     "name": OUTPUT, ...its metadata}}, and each {@code system.SlicedClassificationMetrics} artifact
 *     alike ({@code evaluationSlices})
 */
public record TaskResult(
    String id,
    String name,
    String template,
    State state,
    int attempts,
    int exitCode,
    Map<String, String> outputs,
    Map<String, Path> artifacts,
    long millis,
    String message,
    Path log,
    java.util.List<String> command,
    String label,
    Map<String, OutputArtifact> outputArtifacts,
    Map<String, Double> metrics,
    java.util.List<tools.jackson.databind.JsonNode> visualizations) {

  public TaskResult {
    command = command == null ? java.util.List.of() : java.util.List.copyOf(command);
    label = label == null ? id : label;
    outputArtifacts = outputArtifacts == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(outputArtifacts));
    metrics = metrics == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
    visualizations = visualizations == null ? java.util.List.of() : java.util.List.copyOf(visualizations);
  }

  /** A result with no artifact details, metrics or visualizations. */
  public TaskResult(String id, String name, String template, State state, int attempts, int exitCode, Map<String, String> outputs,
      Map<String, Path> artifacts, long millis, String message, Path log, java.util.List<String> command, String label) {
    this(id, name, template, state, attempts, exitCode, outputs, artifacts, millis, message, log, command, label, null, null, null);
  }

  /** A result labelled with its id. */
  public TaskResult(String id, String name, String template, State state, int attempts, int exitCode, Map<String, String> outputs,
      Map<String, Path> artifacts, long millis, String message, Path log, java.util.List<String> command) {
    this(id, name, template, state, attempts, exitCode, outputs, artifacts, millis, message, log, command, id);
  }

  /** Task states, as Argo names them, and {@code Cached}. */
  public enum State {
    Succeeded,
    Cached,
    Failed,
    /**
     * Not run, or not to its end, in an Argo workflow: the runner could not proceed with it, where Argo's controller marks
     * the node {@code Error} (its {@code when} cannot be evaluated, a value it reads cannot be resolved, its {@code
     * withParam} is not a JSON list); or a loop or a DAG that ended so ({@link Scheduler}).
     */
    Error,
    /** Not run: its {@code when} condition was false. */
    Skipped,
    /** Not run: a task it depends on failed. */
    Omitted;

    public boolean ok() {
      return this == Succeeded || this == Cached;
    }

    /** Whether it failed or ended in error (Argo's {@code FailedOrError}). */
    public boolean failed() {
      return this == Failed || this == Error;
    }
  }
}
