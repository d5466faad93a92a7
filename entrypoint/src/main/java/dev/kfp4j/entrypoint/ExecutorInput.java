package dev.kfp4j.entrypoint;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * KFP 2's executor input, {@code ml_pipelines.ExecutorInput} as the JSON that {@code {{$}}} gives,
 * read as KFP's Python executor reads it ({@code kfp.dsl.executor}) and checked against the
 * component's {@link Signature} before the component runs: {@code inputs.parameterValues} (JSON
 * values), {@code inputs.artifacts[name].artifacts[0]} ({@code name}, {@code uri}, {@code metadata},
 * {@code type.schemaTitle}, {@code customPath}; every item, in order, for an input taking a list of artifacts), {@code outputs.parameters[name].outputFile},
 * {@code outputs.artifacts[name].artifacts[0]} and {@code outputs.outputFile}, where the executor
 * output goes. Every input and output the component declares must be there (optional inputs
 * aside), and nothing it does not declare, as a stale image would show, but the log the launcher
 * keeps itself ({@value #LAUNCHER_LOGS}); other fields are ignored, as KFP's executor ignores them. Problems are {@link UsageException}s naming the field.
 */
final class ExecutorInput {
  /**
   * The output artifact KFP's driver adds for the task's log when the run publishes logs: the
   * launcher writes and uploads it, and ignores what an executor output says of it. Not the
   * component's: left alone.
   */
  static final String LAUNCHER_LOGS = "executor-logs";

  /** One artifact of the executor input ({@code RuntimeArtifact}); {@code path} null when its URI has no local path. */
  record RuntimeArtifact(String name, String uri, String schemaTitle, Map<String, Object> metadata, String path) {}

  /** Input name → JSON value (never null). */
  final Map<String, Object> parameterValues = new LinkedHashMap<>();
  final Map<String, RuntimeArtifact> inputArtifacts = new LinkedHashMap<>();
  /** The artifacts of each input that takes a list of them, in order (an empty list when none came). */
  final Map<String, List<RuntimeArtifact>> inputArtifactLists = new LinkedHashMap<>();
  final Map<String, RuntimeArtifact> outputArtifacts = new LinkedHashMap<>();
  /** Returned output name → the file its value goes to. */
  final Map<String, Path> outputParameterFiles = new LinkedHashMap<>();
  /**
   * File output ({@code @OutputPath}) name → the file KFP's launcher reads its value from: a file output of a
   * parameter type ({@code @OutputPath("String")}, KFP's {@code OutputPath(str)}) is an output parameter in KFP 2.
   */
  final Map<String, Path> outputPathParameterFiles = new LinkedHashMap<>();
  /** Where the executor output goes. */
  Path outputFile;

  private ExecutorInput() {}

  static ExecutorInput parse(Signature signature, String text) {
    Object json;
    try {
      json = JsonText.parse(text);
    } catch (IllegalArgumentException e) {
      throw new UsageException("not JSON: " + e.getMessage());
    }
    ExecutorInput in = new ExecutorInput();
    Map<String, Object> root = object(json, "the executor input");
    Map<String, Object> inputs = object(root.get("inputs"), "inputs");
    Map<String, Object> outputs = object(root.get("outputs"), "outputs");
    List<String> missing = new ArrayList<>();

    // plain loops, no lambdas: this runs at every start of a task, and a lambda's bootstrap costs
    for (Map.Entry<String, Object> e : object(inputs.get("parameterValues"), "inputs.parameterValues").entrySet()) {
      String name = e.getKey();
      Object value = e.getValue();
      Signature.Flag flag = componentInput(signature, name);
      if (flag == null) {
        continue;
      }
      String where = "inputs.parameterValues['" + name + "']";
      if (flag.kind() != Signature.Kind.VALUE) {
        throw new UsageException(where + ": '" + name + "' is a file or artifact input of component '"
            + signature.component() + "'; it comes in inputs.artifacts");
      }
      if (value != null) {
        in.parameterValues.put(name, wholeNumbers(value));
      }
    }
    for (Map.Entry<String, Object> e : object(inputs.get("artifacts"), "inputs.artifacts").entrySet()) {
      String name = e.getKey();
      Object value = e.getValue();
      Signature.Flag flag = componentInput(signature, name);
      if (flag == null) {
        continue;
      }
      String where = "inputs.artifacts['" + name + "']";
      if (flag.kind() == Signature.Kind.INPUT_ARTIFACTS) {
        in.inputArtifactLists.put(name, artifacts(value, where));
        continue;
      }
      if (flag.kind() != Signature.Kind.INPUT_PATH && flag.kind() != Signature.Kind.INPUT_ARTIFACT) {
        throw new UsageException(where + ": '" + name + "' is not an input artifact of component '" + signature.component()
            + "'" + (flag.kind() == Signature.Kind.VALUE ? "; its value comes in inputs.parameterValues" : ""));
      }
      RuntimeArtifact a = artifact(value, where);
      if (a != null) {
        in.inputArtifacts.put(name, a);
      }
    }
    for (Map.Entry<String, Object> e : object(outputs.get("artifacts"), "outputs.artifacts").entrySet()) {
      String name = e.getKey();
      Object value = e.getValue();
      String where = "outputs.artifacts['" + name + "']";
      if (name.equals(LAUNCHER_LOGS)) {
        continue;
      }
      Signature.Flag flag = signature.flag(name);
      if (flag == null || !flag.kind().isOutput()) {
        throw new UsageException(where + ": component '" + signature.component() + "' has no output artifact '" + name
            + "'; its outputs are " + outputNames(signature));
      }
      RuntimeArtifact a = artifact(value, where);
      if (a != null) {
        if (a.path() == null) {
          throw new UsageException(where + ": URI '" + a.uri() + "' has no local path to write to; KFP 2 mounts gs://, s3://, "
              + "minio:// and oci:// URIs (or give a customPath)");
        }
        Entrypoint.outputPath(where, a.path());
        in.outputArtifacts.put(name, a);
      }
    }
    for (Map.Entry<String, Object> e : object(outputs.get("parameters"), "outputs.parameters").entrySet()) {
      String name = e.getKey();
      Object value = e.getValue();
      String where = "outputs.parameters['" + name + "']";
      Signature.Flag flag = signature.flag(name);
      if (flag != null && flag.kind() == Signature.Kind.OUTPUT_PATH) { // @OutputPath("String"): a value KFP 2 reads from the file
        String path = string(object(value, where).get("outputFile"), where + ".outputFile");
        if (path == null || path.isEmpty()) {
          throw new UsageException("the following are required: " + where + ".outputFile");
        }
        in.outputPathParameterFiles.put(name, Entrypoint.outputPath(where + ".outputFile", path));
        continue;
      }
      if (!signature.outputs().contains(name)) {
        throw new UsageException(where + ": component '" + signature.component() + "' returns no output '" + name
            + "'; its outputs are " + outputNames(signature));
      }
      String file = string(object(value, where).get("outputFile"), where + ".outputFile");
      if (file != null && !file.isEmpty()) {
        in.outputParameterFiles.put(name, Entrypoint.outputPath(where + ".outputFile", file));
      }
    }
    String outputFile = string(outputs.get("outputFile"), "outputs.outputFile");

    for (Signature.Flag f : signature.flags()) {
      if (f.kind() == Signature.Kind.VALUE && f.required() && !in.parameterValues.containsKey(f.name())) {
        missing.add("inputs.parameterValues['" + f.name() + "']");
      } else if ((f.kind() == Signature.Kind.INPUT_PATH || f.kind() == Signature.Kind.INPUT_ARTIFACT) && f.required()
          && !in.inputArtifacts.containsKey(f.name())
          || f.kind() == Signature.Kind.INPUT_ARTIFACTS && f.required() && !in.inputArtifactLists.containsKey(f.name())) {
        missing.add("inputs.artifacts['" + f.name() + "']");
      } else if (f.kind().isOutput() && !in.outputArtifacts.containsKey(f.name()) && !in.outputPathParameterFiles.containsKey(f.name())) {
        missing.add("outputs.artifacts['" + f.name() + "']");
      }
    }
    for (String o : signature.outputs()) {
      if (!in.outputParameterFiles.containsKey(o)) {
        missing.add("outputs.parameters['" + o + "'].outputFile");
      }
    }
    if (outputFile == null || outputFile.isEmpty()) {
      missing.add("outputs.outputFile");
    }
    if (!missing.isEmpty()) {
      throw new UsageException("the following are required: " + String.join(", ", missing));
    }
    in.outputFile = Entrypoint.outputPath("outputs.outputFile", outputFile);
    return in;
  }

  /**
   * The component's input {@code name}, or null for an input of the task's own: KFP's driver puts every input of the task
   * in the executor input ({@code resolveInputs}), also those KFP's compiler gives a task beyond its component's, for the
   * pipeline channels of an f-string argument ({@code pipelinechannel--name}) or of a resource setting ({@code cpu_limit}),
   * and KFP's Python executor passes on only its function's parameters. So are they left alone here.
   */
  private static Signature.Flag componentInput(Signature signature, String name) {
    Signature.Flag flag = signature.flag(name);
    return flag == null || flag.kind().isOutput() ? null : flag;
  }

  private static String outputNames(Signature signature) {
    List<String> names = new ArrayList<>();
    for (Signature.Flag f : signature.flags()) {
      if (f.kind().isOutput()) {
        names.add(f.name());
      }
    }
    names.addAll(signature.outputs());
    return names.isEmpty() ? "none" : String.join(", ", names);
  }

  /** The first artifact of an {@code ArtifactList}, or null when the list is empty (as KFP's executor skips it). */
  private static RuntimeArtifact artifact(Object list, String where) {
    List<?> items = items(list, where);
    return items.isEmpty() ? null : item(items.get(0), where + ".artifacts[0]");
  }

  /** Every artifact of an {@code ArtifactList}, in order, for an input that takes a list of them. */
  private static List<RuntimeArtifact> artifacts(Object list, String where) {
    List<?> items = items(list, where);
    List<RuntimeArtifact> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      out.add(item(items.get(i), where + ".artifacts[" + i + "]"));
    }
    return Collections.unmodifiableList(out);
  }

  private static List<?> items(Object list, String where) {
    Object artifacts = object(list, where).get("artifacts");
    if (artifacts == null) {
      return List.of();
    }
    if (!(artifacts instanceof List<?> items)) {
      throw new UsageException(where + ".artifacts is not a JSON array");
    }
    return items;
  }

  private static RuntimeArtifact item(Object item, String at) {
    Map<String, Object> a = object(item, at);
    String uri = string(a.get("uri"), at + ".uri");
    String name = string(a.get("name"), at + ".name");
    String customPath = string(a.get("customPath"), at + ".customPath");
    Map<String, Object> metadata = object(a.get("metadata"), at + ".metadata");
    String title = string(object(a.get("type"), at + ".type").get("schemaTitle"), at + ".type.schemaTitle");
    uri = uri == null ? "" : uri;
    return new RuntimeArtifact(name == null ? "" : name, uri, title, Collections.unmodifiableMap(metadata),
        LocalPaths.of(uri, customPath, metadata));
  }

  /** A JSON object, an empty one for null. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object json, String where) {
    if (json == null) {
      return new LinkedHashMap<>();
    }
    if (!(json instanceof Map)) {
      throw new UsageException(where + " is not a JSON object but " + JsonBinder.describeValue(json));
    }
    return (Map<String, Object>) json;
  }

  private static String string(Object json, String where) {
    if (json != null && !(json instanceof String)) {
      throw new UsageException(where + " is not a JSON string but " + JsonBinder.describeValue(json));
    }
    return (String) json;
  }

  /**
   * KFP 2 keeps numbers as protobuf doubles, so {@code 5} and {@code 5.0} are one value: a whole
   * number written with a fraction or an exponent reads as a whole number.
   */
  @SuppressWarnings("unchecked")
  private static Object wholeNumbers(Object json) {
    if (json instanceof Double d && d == Math.rint(d) && Math.abs(d) < 0x1p63) {
      long v = d.longValue();
      return v == (int) v ? (Object) (int) v : (Object) v;
    }
    if (json instanceof Map<?, ?> map) {
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        e.setValue(wholeNumbers(e.getValue()));
      }
    } else if (json instanceof List<?> list) {
      List<Object> items = (List<Object>) list;
      for (int i = 0; i < items.size(); i++) {
        items.set(i, wholeNumbers(items.get(i)));
      }
    }
    return json;
  }
}
