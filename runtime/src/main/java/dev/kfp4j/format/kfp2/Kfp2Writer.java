package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.SourceLine;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Task;
import dev.kfp4j.spec.ComponentSpec;
import dev.kfp4j.spec.InputSpec;
import dev.kfp4j.spec.OutputSpec;
import dev.kfp4j.yaml.BlockYaml;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link Pipeline} as KFP 2's pipeline spec, as {@code kfp.compiler.Compiler().compile}
 * of KFP 2 writes it: {@code components}, {@code deploymentSpec.executors}, {@code pipelineInfo},
 * {@code root}, keys sorted, KFP's header comment; and, when a step has Kubernetes-only settings,
 * a second document {@code platforms: kubernetes:} as kfp-kubernetes writes it. kfp4j's Java
 * components run through KFP 2's executor protocol ({@code --executor_input {{$}}}).
 *
 * <pre>{@code
 * String yaml = Kfp2Writer.write(pipeline);
 * }</pre>
 *
 * @throws FormatException from {@link #write} for what KFP 2 cannot express (a Kubernetes resource
 *     step, a constant given to a file input, a service account other than KFP's default...), naming
 *     the alternative
 */
public final class Kfp2Writer {
  public static final String SCHEMA_VERSION = "2.1.0";
  public static final String SDK_VERSION = "kfp4j";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Kfp2Writer() {}

  /** The pipeline spec as YAML: one document, or two with the Kubernetes platform spec. */
  public static String write(Pipeline pipeline) {
    List<JsonNode> docs = unsortedDocuments(pipeline); // written with sorted keys, not copied sorted first
    StringBuilder out = new StringBuilder(BlockYaml.writeSorted(docs.get(0), header(pipeline, docs.get(0).path("root"))));
    if (docs.size() > 1) {
      out.append("---\n").append(BlockYaml.writeSorted(docs.get(1), null));
    }
    return out.toString();
  }

  /**
   * A reusable KFP 2 component file of {@code component}, as KFP 2's compiler writes a component
   * compiled alone and {@code components.load_component_from_file} loads it: see {@link
   * #componentPipeline}. {@code source} names where it came from, for the header (or null).
   * Written straight from the component ({@link Kfp2ComponentFile}): the same text as {@code
   * write(componentPipeline(component, source))}, in a fraction of the time.
   */
  public static String writeComponent(ComponentSpec component, String source) {
    return Kfp2ComponentFile.write(component, source);
  }

  /**
   * The pipeline a component compiled alone is: named as the component, one task running it, its
   * root taking the component's inputs (artifacts as artifacts) and giving its outputs.
   */
  public static Pipeline componentPipeline(ComponentSpec component, String source) {
    String task = Kfp2Components.sanitize(component.name() == null ? "component" : component.name());
    List<Parameter> parameters = new ArrayList<>();
    Map<String, Argument> arguments = new LinkedHashMap<>();
    for (InputSpec in : component.inputs()) {
      if (dev.kfp4j.spec.TaskConfigs.isTaskConfig(in)) {
        continue; // no input of the pipeline: KFP's driver fills it
      }
      if (Kfp2Types.inputIsArtifact(component, in.name())) {
        parameters.add(Parameter.artifact(in.name(), Kfp2Types.schemaTitle(in.type()), in.description(), in.optional()));
      } else {
        parameters.add(new Parameter(in.name(), Kfp2Types.parameterType(in), in.defaultValue(), in.description(), null, in.optional()));
      }
      arguments.put(in.name(), new Argument.PipelineParameter(in.name()));
    }
    Map<String, Argument> outputs = new LinkedHashMap<>();
    Map<String, String> described = new LinkedHashMap<>();
    for (OutputSpec out : component.outputs()) {
      outputs.put(out.name(), new Argument.TaskOutput(task, out.name()));
      described.put(out.name(), out.description());
    }
    return new Pipeline(component.name() == null ? task : component.name(), component.description(), parameters,
        List.of(new Task(task, component, arguments)), null, PipelineSettings.DEFAULTS, source, outputs).withOutputDescriptions(described);
  }

  /** The pipeline spec and, if any step needs it, the platform spec, as JSON trees (as KFP's API takes them). */
  public static List<JsonNode> documents(Pipeline written) {
    List<JsonNode> docs = new ArrayList<>();
    for (JsonNode doc : unsortedDocuments(written)) {
      docs.add(Yaml.sortedKeys(doc));
    }
    return docs;
  }

  /** {@link #documents}, each map's keys in the order they were put. */
  private static List<JsonNode> unsortedDocuments(Pipeline written) {
    return unsortedDocuments(written, true);
  }

  /**
   * {@link #documents}, each map's keys in the order they were put; the platform spec's {@code
   * pipelineConfig} only when {@code whole} (not for a pipeline called in another: the caller's is the run's).
   */
  static List<JsonNode> unsortedDocuments(Pipeline nested, boolean whole) {
    Pipeline written = nested;
    try {
      if (nested.settings().runVolume() != null) { // one volume for the run, mounted in every task: the called pipelines' put in
        written = dev.kfp4j.model.Flattening.flat(nested);
      }
    } catch (dev.kfp4j.model.Flattening.Failure e) {
      throw new FormatException("pipeline '" + nested.name() + "': call '" + e.call() + "' cannot be put in: " + e.getMessage(), e);
    }
    try {
      dev.kfp4j.model.VolumeStep.checkClaims(written, false); // claims named after the run are named at random in KFP 2
    } catch (IllegalArgumentException e) {
      throw new FormatException(e.getMessage(), e);
    }
    Pipeline pipeline = RunVolumes.mounted(written);
    Levels levels = new Levels(pipeline);
    Kfp2Components components = new Kfp2Components();
    ObjectNode root = new Kfp2Dags(pipeline, levels, components).root();
    ObjectNode spec = NODES.objectNode();
    spec.set("components", components.components);
    spec.putObject("deploymentSpec").set("executors", components.executors);
    if (pipeline.settings().pipelineRoot() != null) {
      spec.put("defaultPipelineRoot", pipeline.settings().pipelineRoot());
    }
    ObjectNode info = spec.putObject("pipelineInfo");
    info.put("name", pipeline.name());
    if (pipeline.description() != null && !pipeline.description().isEmpty()) {
      info.put("description", pipeline.description());
    }
    if (pipeline.settings().displayName() != null) {
      info.put("displayName", pipeline.settings().displayName());
    }
    spec.set("root", root);
    spec.put("schemaVersion", SCHEMA_VERSION);
    spec.put("sdkVersion", SDK_VERSION);
    List<JsonNode> docs = new ArrayList<>();
    docs.add(spec);
    ObjectNode kubernetes = NODES.objectNode();
    if (!components.kubernetes.isEmpty()) {
      kubernetes.putObject("deploymentSpec").set("executors", components.kubernetes);
    }
    ObjectNode config = whole ? pipelineConfig(pipeline) : NODES.objectNode();
    if (!config.isEmpty()) {
      kubernetes.set("pipelineConfig", config);
    }
    if (!kubernetes.isEmpty()) {
      ObjectNode platform = NODES.objectNode();
      platform.putObject("platforms").set("kubernetes", kubernetes);
      docs.add(platform);
    }
    return docs;
  }

  private static ObjectNode pipelineConfig(Pipeline pipeline) {
    PipelineSettings s = pipeline.settings();
    String where = "pipeline '" + pipeline.name() + "'";
    if (s.parallelism() > 0) {
      throw new FormatException(where + ": @Pipeline(parallelism) has no KFP 2 equivalent; limit a loop's parallelism instead, "
          + "with Dsl.forEach(items, parallelism, ...)");
    }
    if (!s.serviceAccount().isEmpty() && !s.serviceAccount().equals(PipelineSettings.PIPELINE_RUNNER)) {
      throw new FormatException(where + ": @Pipeline(serviceAccount) '" + s.serviceAccount() + "' has no KFP 2 equivalent; "
          + "KFP 2 takes the service account when a run is created (the run's service_account), not in the pipeline spec: "
          + "give it to the run, and leave the pipeline's at the default (" + PipelineSettings.PIPELINE_RUNNER + ")");
    }
    if (!s.podGc().isEmpty()) {
      throw new FormatException(where + ": @Pipeline(podGc) has no KFP 2 equivalent; KFP 2 keeps a run's pods for "
          + "ttlSecondsAfterFinished: set that instead");
    }
    ObjectNode config = NODES.objectNode();
    if (s.ttlSecondsAfterFinished() >= 0) {
      config.put("resourceTtlOnCompletion", s.ttlSecondsAfterFinished());
    }
    if (s.ttlSecondsAfterSuccess() >= 0) {
      config.put("resourceTtlOnSuccess", s.ttlSecondsAfterSuccess());
    }
    if (s.ttlSecondsAfterFailure() >= 0) {
      config.put("resourceTtlOnFailure", s.ttlSecondsAfterFailure());
    }
    if (s.activeDeadlineSeconds() > 0) {
      config.put("activeDeadlineSeconds", s.activeDeadlineSeconds());
    }
    if (s.workspace() != null) { // as KFP's WorkspaceConfig.get_workspace(): the patch always, {} when none
      ObjectNode w = config.putObject("workspace");
      w.putObject("kubernetes").set("pvcSpecPatch", Yaml.read(s.workspace().pvcSpecPatch()));
      w.put("size", s.workspace().size());
    }
    return config;
  }

  /**
   * A run argument in KFP's text form ({@code 7}, {@code 0.5}, {@code True}, JSON for lists and
   * structs) as KFP 2 takes it in a run's {@code runtime_config} (a {@code google.protobuf.Value}):
   * a number, a boolean, a list, a struct, or text ({@code type} null: text).
   *
   * @throws FormatException naming {@code name} when the text is not of the type
   */
  public static JsonNode runtimeValue(String name, String text, ParameterType type) {
    return value(text, type, "argument '" + name + "'");
  }

  /**
   * {@link #runtimeValue}, its error naming the value as {@code where} says ({@code task 'add', input 'a'}) instead of as a
   * run's argument.
   *
   * @throws FormatException beginning with {@code where} when the text is not of the type
   */
  public static JsonNode value(String text, ParameterType type, String where) {
    return Kfp2Components.value(text, type == null ? ParameterType.STRING : type, where);
  }

  /**
   * The seconds of a retry backoff's {@code duration} ({@code 500ms}: 0.5, {@code 1m30s}: 90), as written in a KFP 2 file.
   * KFP's backend gives Argo their whole seconds alone ({@code Duration.Seconds}), so {@code 500ms} waits 0 s on KFP.
   */
  public static java.math.BigDecimal backoffSeconds(String duration) {
    return Kfp2Quantities.seconds(duration);
  }

  /**
   * The summary KFP writes (name, description, inputs and outputs, by name, as the spec lists them:
   * parameters by Python type, artifacts by schema title), then kfp4j's line naming the source. KFP's
   * SDK reads a file's description from the summary's third line ({@code
   * structures.ComponentSpec.from_yaml_documents}), so the summary comes first.
   */
  static String header(Pipeline p, JsonNode root) {
    java.util.TreeMap<String, String> outputs = new java.util.TreeMap<>();
    root.path("outputDefinitions").path("parameters").properties().forEach(e -> outputs.put(e.getKey(),
        Kfp2Types.pythonName(ParameterType.ofV2Name(e.getValue().path("parameterType").asString("STRING")))));
    root.path("outputDefinitions").path("artifacts").properties().forEach(e -> outputs.put(e.getKey(),
        e.getValue().path("artifactType").path("schemaTitle").asString("system.Artifact")));  // KFP's header: titles only
    return header(p, outputs);
  }

  /** {@link #header(Pipeline, JsonNode)} given the outputs: each name's Python type or schema title, by name. */
  static String header(Pipeline p, java.util.SortedMap<String, String> outputs) {
    StringBuilder h = new StringBuilder();
    h.append("PIPELINE DEFINITION\nName: ").append(p.name());
    if (p.description() != null && !p.description().isEmpty()) {
      h.append("\nDescription: ").append(String.join("\n             ", dev.kfp4j.yaml.CommentLines.of(p.description())));
    }
    java.util.TreeMap<String, String> inputs = new java.util.TreeMap<>();
    java.util.Set<String> finalStatus = Kfp2Types.finalStatusParameters(p);
    for (Parameter param : p.parameters()) {
      if (param.isArtifact()) {
        inputs.put(param.name(), Kfp2Types.title(param.artifactType()));
        continue;
      }
      if (finalStatus.contains(param.name())) {
        inputs.put(param.name(), Kfp2Types.FINAL_STATUS_PYTHON_NAME); // KFP's IR_TYPE_TO_COMMENT_TYPE_STRING
        continue;
      }
      ParameterType type = param.type() == null ? ParameterType.STRING : param.type();
      inputs.put(param.name(), Kfp2Types.pythonName(type)
          + (param.defaultValue() == null ? "" : " [Default: " + pythonDefault(param.defaultValue(), type) + "]"));
    }
    summary(h, "Inputs", inputs);
    summary(h, "Outputs", outputs);
    if (p.source() != null) {
      h.append('\n').append(SourceLine.of(p.source()));
    }
    return h.toString();
  }

  private static void summary(StringBuilder h, String title, Map<String, String> entries) {
    if (!entries.isEmpty()) {
      h.append('\n').append(title).append(':');
      entries.forEach((name, type) -> h.append("\n   ").append(name).append(": ").append(type));
    }
  }

  private static String pythonDefault(String text, ParameterType type) {
    return switch (type) {
      case INTEGER -> text + ".0";
      case FLOAT -> text.matches("-?\\d+") ? text + ".0" : text; // Python's repr of the float, as KFP's header: 60 is 60.0
      case STRING -> "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
      default -> text;
    };
  }
}
