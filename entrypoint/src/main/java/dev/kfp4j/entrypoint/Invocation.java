package dev.kfp4j.entrypoint;

import dev.kfp4j.artifacts.Artifact;
import dev.kfp4j.artifacts.PipelineTaskFinalStatus;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call of a component, as {@link MethodCall} makes it: typed access to its inputs, and its
 * outputs. The inputs come from KFP v1's command line ({@code --<input> <value>}, values in KFP's
 * text forms) or from KFP 2's executor input (JSON values, artifacts); the call is the same for
 * both. Outputs are staged and only moved into place by {@link #commit()} once the
 * component returned: a component that throws leaves no output file behind.
 */
final class Invocation {
  private final Signature signature;
  /** KFP v1: the flags' texts; null in KFP 2. */
  private final Map<String, String> arguments;
  /** KFP 2: the executor input; null in KFP v1. */
  private final ExecutorInput executor;
  private final Outputs outputs;

  Invocation(Signature signature, Map<String, String> arguments, List<Path> outputFiles) {
    this.signature = signature;
    this.arguments = arguments;
    this.executor = null;
    this.outputs = new Outputs(signature, outputFiles, null);
  }

  Invocation(Signature signature, ExecutorInput executor) {
    this.signature = signature;
    this.arguments = null;
    this.executor = executor;
    this.outputs = new Outputs(signature, List.of(), executor);
  }

  String component() {
    return signature.component();
  }

  /** Whether the input was given (on the command line, or in the executor input) or has a default. */
  boolean has(String input) {
    if (executor != null && (executor.parameterValues.containsKey(input) || executor.inputArtifacts.containsKey(input)
        || executor.inputArtifactLists.containsKey(input))) {
      return true;
    }
    return text(input) != null;
  }

  /** KFP v1's argument, or the default. */
  private String text(String input) {
    String v = arguments == null ? null : arguments.get(input);
    if (v == null) {
      Signature.Flag f = signature.flag(input);
      return f == null ? null : f.defaultText();
    }
    return v;
  }

  /** KFP 2's JSON value of the input; null in KFP v1, or when it was not given. */
  private Object given(String input) {
    return executor == null ? null : executor.parameterValues.get(input);
  }

  private String required(String input) {
    String v = text(input);
    if (v == null) {
      throw new UsageException(executor == null ? "the following arguments are required: --" + input
          : Entrypoint.EXECUTOR_ARGUMENT + "the following are required: inputs.parameterValues['" + input + "']");
    }
    return v;
  }

  /**
   * The usage error of a value of {@code input} that {@code e} refused, with {@code e}'s words ({@code invalid int value:
   * 'three'}), or, where the value or the input's name may be a credential ({@link Credentials}), its words up to the value
   * and the value's length: the container's log keeps what an entrypoint prints.
   */
  private UsageException invalid(String input, IllegalArgumentException e) {
    String said = e.getMessage();
    Object json = given(input);
    String value = json != null ? String.valueOf(json) : text(input);
    if (said != null && Credentials.mayHold(input, value == null ? said : value)) {
      int quote = said.indexOf('\'');
      String what = quote > 0 && said.substring(0, quote).endsWith(": ") ? said.substring(0, quote - 2) : "invalid value";
      said = what + ": " + Credentials.hidden(value == null ? "" : value);
    }
    return new UsageException(executor == null ? "argument --" + input + ": " + said
        : Entrypoint.EXECUTOR_ARGUMENT + "inputs.parameterValues['" + input + "']: " + said);
  }

  String string(String input) {
    Object json = given(input);
    try {
      return json != null ? (String) JsonBinder.toJava(json, String.class) : required(input);
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  int intValue(String input) {
    Object json = given(input);
    try {
      return json != null ? (Integer) JsonBinder.toJava(json, int.class) : KfpValues.parseInt(required(input));
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  long longValue(String input) {
    Object json = given(input);
    try {
      return json != null ? (Long) JsonBinder.toJava(json, long.class) : KfpValues.parseLong(required(input));
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  double doubleValue(String input) {
    Object json = given(input);
    try {
      return json != null ? (Double) JsonBinder.toJava(json, double.class) : KfpValues.parseDouble(required(input));
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  float floatValue(String input) {
    Object json = given(input);
    try {
      return json != null ? (Float) JsonBinder.toJava(json, float.class) : KfpValues.parseFloat(required(input));
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  boolean booleanValue(String input) {
    Object json = given(input);
    try {
      return json != null ? (Boolean) JsonBinder.toJava(json, boolean.class) : KfpValues.parseBoolean(required(input));
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  <E extends Enum<E>> E enumValue(String input, Class<E> type) {
    Object json = given(input);
    try {
      return json != null ? type.cast(JsonBinder.toJava(json, type)) : KfpValues.parseEnum(required(input), type);
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  /** An input of one of the {@link TextTypes}, read from its text ({@code 2024-01-31} for a {@code LocalDate}). */
  Object text(String input, Class<?> type) {
    Object json = given(input);
    try {
      return TextTypes.parse(json != null ? String.valueOf(json) : required(input), type);
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  /** A JSON input converted to its parameter's type, such as a record or {@code List<Integer>}. */
  Object json(String input, Type type) {
    Object json = given(input);
    try {
      return json != null ? JsonBinder.toJava(json, type) : KfpValues.parseJson(required(input), type);
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  /**
   * The pipeline's final status: in KFP 2 the struct KFP's driver gives ({@code {"state": ...,
   * "pipelineJobResourceName": ..., "pipelineTaskName": ..., "error": {"code": ..., "message":
   * ...}}}, the snake_case names KFP's executor also reads accepted); in KFP v1 Argo's {@code
   * {{workflow.status}}} text ({@code Succeeded}, {@code Failed}, {@code Error}), or that struct as
   * JSON text.
   */
  PipelineTaskFinalStatus finalStatus(String input) {
    Object json = given(input);
    try {
      if (json != null) {
        return finalStatus(json);
      }
      String text = required(input).strip();
      return text.startsWith("{") ? finalStatus(JsonText.parse(text)) : PipelineTaskFinalStatus.ofArgo(text);
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  /**
   * The task's configuration ({@code dsl.TaskConfig}): in KFP 2 the struct KFP's driver gives
   * ({@code {"resources": {...}, "env": [...], ...}}); on the command line that struct as JSON text
   * (as the local runner gives it); none given, an empty one, as KFP's executor makes.
   */
  dev.kfp4j.artifacts.TaskConfig taskConfig(String input) {
    Object json = given(input);
    try {
      if (json != null) {
        return dev.kfp4j.artifacts.TaskConfig.of(json);
      }
      String text = text(input);
      return text == null || text.isBlank() ? dev.kfp4j.artifacts.TaskConfig.empty()
          : dev.kfp4j.artifacts.TaskConfig.of(JsonText.parse(text.strip()));
    } catch (IllegalArgumentException e) {
      throw invalid(input, e);
    }
  }

  static PipelineTaskFinalStatus finalStatus(Object json) {
    if (!(json instanceof Map<?, ?> status) || !(status.get("state") instanceof String state)) {
      throw new IllegalArgumentException("expected KFP's PipelineTaskFinalStatus, {\"state\": \"SUCCEEDED\", ...}, not "
          + PyJson.dumps(json));
    }
    Map<?, ?> error = status.get("error") instanceof Map<?, ?> e ? e : Map.of();
    Integer code = error.get("code") instanceof Number n ? Integer.valueOf(n.intValue()) : null;
    return new PipelineTaskFinalStatus(state, text(status, "pipelineJobResourceName", "pipeline_job_resource_name"),
        text(status, "pipelineTaskName", "pipeline_task_name"), code, text(error, "message", "message"));
  }

  /** The text of field {@code name} (or, missing, {@code otherName}); null when neither is a non-empty text. */
  private static String text(Map<?, ?> json, String name, String otherName) {
    Object v = json.get(name) != null ? json.get(name) : json.get(otherName);
    return v instanceof String s && !s.isEmpty() ? s : null;
  }

  /** A file input: the path of the local file holding the data (in KFP 2, of the input artifact). */
  Path path(String input) {
    if (executor == null) {
      return Path.of(required(input));
    }
    ExecutorInput.RuntimeArtifact a = inputArtifact(input);
    if (a.path() == null) {
      throw new UsageException(Entrypoint.EXECUTOR_ARGUMENT + "inputs.artifacts['" + input + "']: URI '" + a.uri()
          + "' has no local path; KFP 2 mounts gs://, s3://, minio:// and oci:// URIs (or give a customPath)");
    }
    return Path.of(a.path());
  }

  /** A file input's path as text: in KFP v1 as given on the command line. */
  String pathString(String input) {
    return executor == null ? required(input) : path(input).toString();
  }

  private ExecutorInput.RuntimeArtifact inputArtifact(String input) {
    ExecutorInput.RuntimeArtifact a = executor.inputArtifacts.get(input);
    if (a == null) {
      throw new UsageException(Entrypoint.EXECUTOR_ARGUMENT + "the following are required: inputs.artifacts['" + input + "']");
    }
    return a;
  }

  /**
   * A file output: a path to write to, whose parent folders exist. It is a staging path beside
   * the final one, moved into place by {@link #commit()}.
   */
  Path outputPath(String output) {
    Path target = executor == null ? Path.of(required(output))
        : executor.outputPathParameterFiles.containsKey(output) ? executor.outputPathParameterFiles.get(output)
        : Path.of(executor.outputArtifacts.get(output).path());
    return outputs.stage(output, target);
  }

  /**
   * An input artifact: in KFP 2 the executor input's (of the kind its schema title names, when
   * that is a {@code type}); in KFP v1 the file given on the command line, its URI a {@code file:}
   * URI, its metadata read from {@code <path>.metadata.json} when there is one. Its metadata is
   * read-only.
   */
  <A extends Artifact> A artifact(String input, Class<A> type) {
    if (executor != null) {
      ExecutorInput.RuntimeArtifact a = inputArtifact(input);
      return Artifacts.make(type, a.schemaTitle(), a.name(), a.uri(), a.path() == null ? null : Path.of(a.path()), a.metadata());
    }
    Path path = Path.of(required(input));
    return Artifacts.make(type, null, input, Artifacts.fileUri(path), path, Artifacts.readMetadata(path, "argument --" + input));
  }

  /**
   * An input that takes a list of artifacts ({@code List<Model>}): KFP 2's executor input's, in its order, each of the kind
   * its schema title names (as {@link #artifact}); an empty list when none came. KFP v1 has no list of artifacts.
   */
  <A extends Artifact> List<A> artifacts(String input, Class<A> type) {
    if (executor == null) {
      throw new UsageException("argument --" + input + ": '" + input + "' takes a list of artifacts, which only KFP 2's "
          + Entrypoint.EXECUTOR_INPUT + " gives");
    }
    List<ExecutorInput.RuntimeArtifact> given = executor.inputArtifactLists.getOrDefault(input, List.of());
    List<A> out = new java.util.ArrayList<>(given.size());
    for (ExecutorInput.RuntimeArtifact a : given) {
      out.add(Artifacts.make(type, a.schemaTitle(), a.name(), a.uri(), a.path() == null ? null : Path.of(a.path()), a.metadata()));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * KFP v1's {@code mlpipeline-metrics} ({@code @Out MlpipelineMetrics}): in KFP v1 the file
   * output {@code output}; in KFP 2 its {@code system.Metrics} output artifact, whose metadata gets
   * each metric too, so KFP 2's UI shows them.
   */
  dev.kfp4j.artifacts.MlpipelineMetrics mlpipelineMetrics(String output) {
    return executor == null
        ? new dev.kfp4j.artifacts.MlpipelineMetrics(outputPath(output))
        : new dev.kfp4j.artifacts.MlpipelineMetrics(outputArtifact(output, dev.kfp4j.artifacts.Metrics.class));
  }

  /**
   * An output artifact ({@code @Out}): its {@code path()} is a staging path, moved into place by
   * {@link #commit()}; its metadata, mutable, goes to KFP 2's executor output (in KFP v1, to
   * {@code <path>.metadata.json}). Unlike a file output, it may be left unwritten (metrics are
   * metadata only): KFP 2 then uploads nothing, and in KFP v1 an empty file takes its place.
   */
  <A extends Artifact> A outputArtifact(String output, Class<A> type) {
    Path staged = outputPath(output);
    A artifact;
    if (executor != null) {
      ExecutorInput.RuntimeArtifact a = executor.outputArtifacts.get(output);
      artifact = Artifacts.make(type, a.schemaTitle(), a.name(), a.uri(), staged, new LinkedHashMap<>(a.metadata()));
    } else {
      artifact = Artifacts.make(type, null, output, Artifacts.fileUri(outputs.target(output)), staged, new LinkedHashMap<>());
    }
    outputs.artifact(output, artifact);
    return artifact;
  }

  /** Records a returned output's value; written to its output file (and KFP 2's executor output) on commit. */
  void output(String output, Object value) {
    if (value == null) {
      throw new IllegalStateException(
          "component '" + component() + "' returned null for output '" + output + "'; return a value");
    }
    outputs.value(output, value);
  }

  void commit() throws IOException {
    outputs.commit();
  }

  void discard() {
    outputs.discard();
  }
}
