package dev.kfp4j.format.kfp2;

import dev.kfp4j.format.Documents;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.SourceLine;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.Workspace;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a KFP 2 pipeline spec (with its {@code platforms: kubernetes:} document, if any) into a
 * {@link Pipeline}: those kfp4j writes (writing the result again gives the same file) and those
 * KFP's SDK writes, such as container components under {@code dsl.If} and {@code dsl.ParallelFor}.
 *
 * <pre>{@code
 * Pipeline p = Kfp2Reader.read(Files.readString(file), file.toString());
 * }</pre>
 */
public final class Kfp2Reader {
  /** The key of the pipeline spec in one object holding it with its platform spec, as KFP's API holds them ({@link #oneObject}). */
  public static final String PIPELINE_SPEC = "pipeline_spec";
  /** The key of the platform spec in one object holding it with its pipeline spec, as KFP's API holds them ({@link #oneObject}). */
  public static final String PLATFORM_SPEC = "platform_spec";

  private Kfp2Reader() {}

  /** Whether {@code yaml}'s first document is a KFP 2 pipeline spec rather than, say, an Argo workflow. */
  public static boolean isPipelineSpec(JsonNode first) {
    return first != null && first.has("pipelineInfo") && first.has("root");
  }

  /** Whether the first of {@code documents} (null or none: no) is a KFP 2 pipeline spec, as a KFP 2 component file is too. */
  public static boolean isPipelineSpec(List<JsonNode> documents) {
    return documents != null && !documents.isEmpty() && isPipelineSpec(documents.get(0));
  }

  /**
   * A pipeline spec and its platform document (null: none) as one JSON object, as KFP's API holds
   * them (a pipeline version's or a run's {@code pipeline_spec}): the spec alone, or both, under
   * {@value #PIPELINE_SPEC} and {@value #PLATFORM_SPEC}. {@link #documents} gives the two back.
   */
  public static JsonNode oneObject(JsonNode spec, JsonNode platform) {
    if (platform == null) {
      return spec;
    }
    ObjectNode both = Yaml.object();
    both.set(PIPELINE_SPEC, spec);
    both.set(PLATFORM_SPEC, platform);
    return both;
  }

  /**
   * The documents of a KFP 2 pipeline file: {@code docs} as they are, or, for one object holding a
   * pipeline spec and its platform spec as KFP's API does ({@link #oneObject}), the spec and its
   * platform document, as a YAML file holds them.
   */
  public static List<JsonNode> documents(List<JsonNode> docs) {
    if (docs == null || docs.size() != 1 || !isPipelineSpec(docs.get(0).get(PIPELINE_SPEC))) {
      return docs;
    }
    JsonNode spec = docs.get(0).get(PIPELINE_SPEC);
    JsonNode platform = docs.get(0).get(PLATFORM_SPEC);
    return platform == null || platform.isNull() ? List.of(spec) : List.of(spec, platform);
  }

  public static Pipeline read(String yaml, String source) {
    return read(Documents.read(yaml, source), yaml, source);
  }

  /**
   * {@link #read(String, String)} of {@code yaml}, whose documents {@code documents} are, as {@link
   * Documents#read} gives them: a spec and its platform document, or the two as one object ({@link #oneObject}).
   */
  public static Pipeline read(List<JsonNode> documents, String yaml, String source) {
    return readForRun(documents, yaml, source).pipeline();
  }

  /**
   * A spec's model, and the names of the groups made around one task that runs a container (a task
   * with a {@code triggerPolicy.condition} of its own, read as {@code condition-<task>} around it): a
   * run shows such a group as its task, as the Argo reader's {@code Read} says of a {@code when}.
   */
  public record Read(Pipeline pipeline, Set<String> groupsAroundSteps) {}

  /**
   * {@code yaml} read with the pipelines it runs as components kept as such, each task running one
   * a {@link dev.kfp4j.model.CalledPipeline} of the pipeline its DAG component is (its tasks named
   * as in there), as KFP's compiler writes a pipeline used as a component: written again ({@link
   * Kfp2Writer#write}), it gives such a spec. Kept only where the model holds the same run: where
   * putting the calls in ({@link dev.kfp4j.model.Flattening#flatAsRead}) gives the pipeline {@link
   * #read(String, String)} reads; else that pipeline, flat. (Read flat, the pipeline run as the exit task of one of several
   * exit handlers is put in as {@link dev.kfp4j.model.Flattening} puts in such a call.)
   */
  public static Pipeline readNested(String yaml, String source) {
    List<JsonNode> docs = documents(Documents.read(yaml, source));
    Pipeline flat = read(docs, yaml, source);
    if (!docs.get(0).path("components").valueStream().anyMatch(c -> c.has("dag"))) {
      return flat;
    }
    try {
      Pipeline nested = read(docs.get(0), docs.size() > 1 ? docs.get(1) : null, yaml, source, true, true).pipeline();
      if (!dev.kfp4j.model.Flattening.flatAsRead(nested).equals(flat)) {
        return flat;
      }
      Kfp2Writer.documents(nested); // it can be written: what it reads is there
      return nested;
    } catch (RuntimeException e) { // a call the model cannot keep (one putting it in refuses, or not read as KFP's tasks are)
      return flat;
    }
  }

  /**
   * The pipeline the DAG component {@code comp} of {@code spec} is, run by a task of another pipeline of it: named {@code
   * name}, its parameters the component's inputs, its nodes the DAG's, its outputs the DAG's, its calls kept.
   */
  static Pipeline readCalled(JsonNode spec, JsonNode platform, JsonNode comp, String name, String source) {
    tools.jackson.databind.node.ObjectNode sub = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    sub.set("components", spec.path("components"));
    sub.set("deploymentSpec", spec.path("deploymentSpec"));
    sub.putObject("pipelineInfo").put("name", name);
    sub.set("root", comp);
    return read(sub, platform, "", source, true, false).pipeline();
  }

  /** {@link #read(List, String, String)}, saying which of the groups read were made around one task. */
  public static Read readForRun(List<JsonNode> documents, String yaml, String source) {
    List<JsonNode> docs = documents(documents);
    if (!isPipelineSpec(docs)) {
      throw new FormatException(source + ": not a KFP 2 pipeline spec (it needs pipelineInfo and root)");
    }
    return read(docs.get(0), docs.size() > 1 ? docs.get(1) : null, yaml, source, false, true);
  }

  private static Read read(JsonNode spec, JsonNode platform, String yaml, String source, boolean keepCalls, boolean check) {
    if (check) {
      SpecChecks.check(spec, platform, source);
    }
    String name = spec.path("pipelineInfo").path("name").asString("");
    String description = spec.path("pipelineInfo").hasNonNull("description") ? spec.path("pipelineInfo").get("description").asString() : null;
    List<Parameter> parameters = new ArrayList<>();
    Map<String, Argument> inputs = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> p : spec.path("root").path("inputDefinitions").path("parameters").properties()) {
      JsonNode def = p.getValue();
      String v2Type = def.path("parameterType").asString("");
      // the status a pipeline run as an exit task takes is KFP's struct, as KFP's compiler types it in its groups' inputs
      ParameterType type = v2Type.equals(Kfp2Types.TASK_FINAL_STATUS) ? ParameterType.STRUCT : ParameterType.ofV2Name(v2Type);
      String dflt = def.has("defaultValue") ? Values.text(def.get("defaultValue"), type) : null;
      parameters.add(new Parameter(p.getKey(), type, dflt, description(def), null, def.path("isOptional").asBoolean(false)));
      inputs.put(p.getKey(), new Argument.PipelineParameter(p.getKey()));
    }
    for (Map.Entry<String, JsonNode> a : spec.path("root").path("inputDefinitions").path("artifacts").properties()) {
      JsonNode def = a.getValue();
      parameters.add(Parameter.artifact(a.getKey(), Kfp2Types.bundled(def.path("artifactType")),
          description(def), def.path("isOptional").asBoolean(false)));
      inputs.put(a.getKey(), new Argument.PipelineParameter(a.getKey()));
    }
    DagReader dags = new DagReader(source, spec, platform, keepCalls);
    JsonNode rootDag = spec.path("root").path("dag");
    List<Node> nodes = dags.root(rootDag, inputs);
    Map<String, Argument> outputs = new LinkedHashMap<>();
    JsonNode dagOutputs = rootDag.path("outputs");
    for (Map.Entry<String, JsonNode> o : dagOutputs.path("parameters").properties()) {
      String producer = o.getValue().path("valueFromParameter").path("producerSubtask").asString("");
      dags.notConditional(rootDag, producer, "the pipeline's output '" + o.getKey() + "'");
      String key = o.getValue().path("valueFromParameter").path("outputParameterKey").asString("");
      outputs.put(o.getKey(), dags.output(rootDag, producer, key));
    }
    for (Map.Entry<String, JsonNode> o : dagOutputs.path("artifacts").properties()) {
      String producer = o.getValue().path("artifactSelectors").path(0).path("producerSubtask").asString("");
      dags.notConditional(rootDag, producer, "the pipeline's output '" + o.getKey() + "'");
      String key = o.getValue().path("artifactSelectors").path(0).path("outputArtifactKey").asString("");
      outputs.put(o.getKey(), dags.artifactOutput(rootDag, producer, key));
    }
    try {
      PipelineSettings settings = settings(platform, source).withInfo(spec.path("pipelineInfo").path("displayName").asString(null),
          spec.path("defaultPipelineRoot").asString(null));
      Map<String, String> described = new LinkedHashMap<>();
      for (String kind : List.of("parameters", "artifacts")) {
        spec.path("root").path("outputDefinitions").path(kind).properties().forEach(o -> described.put(o.getKey(), description(o.getValue())));
      }
      Pipeline read = new Pipeline(name, description, parameters, nodes, dags.exitTask, settings, SourceLine.in(yaml), outputs,
          dags.exitPipeline, dags.exitHandlerName).withOutputDescriptions(described);
      ArtifactLoops.check(read, spec.path("root"), dags.artifactLoops);
      if (!keepCalls && read.allNodes().stream().anyMatch(n -> n instanceof dev.kfp4j.model.CalledPipeline)) {
        read = dev.kfp4j.model.Flattening.flatAsRead(read); // the exit pipelines of several exit handlers, read as calls
      }
      return new Read(read, Set.copyOf(dags.aroundSteps));
    } catch (IllegalArgumentException e) {
      throw new FormatException(source + ": " + e.getMessage(), e);
    } catch (dev.kfp4j.model.Flattening.Failure e) {
      throw new FormatException(source + ": task '" + e.call() + "' cannot be run here: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a KFP 2 component file (what KFP 2's compiler writes for one component compiled alone:
   * a pipeline spec whose root runs that component once) as the component's spec, named after the
   * file's {@code pipelineInfo.name}, as KFP 2's {@code components.load_component_from_file} does.
   */
  public static dev.kfp4j.spec.ComponentSpec readComponent(String yaml, String source) {
    return readComponent(Documents.read(yaml, source), yaml, source);
  }

  /** {@link #readComponent(String, String)} of {@code yaml}, whose documents {@code docs} are, as {@link Documents#read} gives them. */
  public static dev.kfp4j.spec.ComponentSpec readComponent(List<JsonNode> docs, String yaml, String source) {
    if (!isPipelineSpec(docs)) {
      throw new FormatException(source + ": not a KFP 2 component file (it needs pipelineInfo and root)");
    }
    JsonNode spec = docs.get(0);
    JsonNode tasks = spec.path("root").path("dag").path("tasks");
    if (Kfp2PipelineFile.is(docs)) {
      // KFP's load_component_from_file takes a pipeline file as a component too: a pipeline in a pipeline, not one component
      throw new FormatException(source + ": a KFP 2 pipeline of " + tasks.size() + " task" + (tasks.size() == 1 ? "" : "s")
          + ", not a component file (whose root runs one component): it runs as a pipeline in a pipeline. Import it with "
          + "@ImportComponents and call its op in a @Pipeline method (Kfp2PipelineFile reads it), or run this file as it is: "
          + "kfp4j run -p FILE, kfp4j upload-pipeline");
    }
    JsonNode task = tasks.properties().iterator().next().getValue();
    String compName = task.path("componentRef").path("name").asString("");
    JsonNode comp = spec.path("components").path(compName);
    if (!comp.has("executorLabel")) { // a DAG is a pipeline file (above): here a component the file lacks, or one of nothing
      throw new FormatException(source + ": the root's task runs component '" + compName + "', which the file does not "
          + "define with an executorLabel: not a component file");
    }
    JsonNode executor = spec.path("deploymentSpec").path("executors").path(comp.get("executorLabel").asString(""));
    dev.kfp4j.spec.ComponentSpec read =
        ComponentReader.read(spec.path("pipelineInfo").path("name").asString(compName), comp, executor, source);
    String description = spec.path("pipelineInfo").hasNonNull("description")
        ? spec.path("pipelineInfo").get("description").asString() : headerDescription(yaml);
    return description == null ? read : new dev.kfp4j.spec.ComponentSpec(read.name(), description, read.annotations(), read.labels(),
        read.inputs(), read.outputs(), read.container(), read.graph());
  }

  /**
   * The description in the header KFP writes ({@code # Description: ...}, continued on lines
   * indented to its text), or null.
   */
  static String headerDescription(String yaml) {
    String prefix = "# Description: ";
    String continued = "#" + " ".repeat(prefix.length() - 1);
    StringBuilder out = null;
    for (String line : yaml.split("\n", -1)) {
      if (!line.startsWith("#")) {
        break;
      }
      if (out == null && line.startsWith(prefix)) {
        out = new StringBuilder(line.substring(prefix.length()));
      } else if (out != null && line.startsWith(continued)) {
        out.append('\n').append(line.substring(continued.length()));
      } else if (out != null) {
        break;
      }
    }
    return out == null ? null : out.toString();
  }

  private static String description(JsonNode def) {
    return def.hasNonNull("description") ? def.get("description").asString() : null;
  }

  private static PipelineSettings settings(JsonNode platform, String source) {
    JsonNode k8s = platform == null ? Yaml.object() : platform.path("platforms").path("kubernetes");
    JsonNode config = k8s.path("pipelineConfig");
    Set<String> secrets = new LinkedHashSet<>();
    k8s.path("deploymentSpec").path("executors").forEach(e -> e.path("imagePullSecret").forEach(s -> {
      if (s.path("secretNameParameter").isObject() && !s.path("secretNameParameter").has("runtimeValue")) {
        return; // named when the task runs: the task's setting (SettingsReader)
      }
      secrets.add(s.path("secretNameParameter").path("runtimeValue").path("constant").asString(s.path("secretName").asString("")));
    }));
    for (String field : config.propertyNames()) {
      if (!PIPELINE_CONFIG.contains(field)) {
        throw new IllegalArgumentException("the platform's pipelineConfig." + field + " is not in kfp4j's model, which holds "
            + PIPELINE_CONFIG);
      }
    }
    JsonNode ws = config.path("workspace");
    Workspace workspace = ws.isObject()
        ? new Workspace(ws.path("size").asString(""), ws.path("kubernetes").path("pvcSpecPatch").isObject()
            ? ws.path("kubernetes").path("pvcSpecPatch").toString() : "{}")
        : null;
    return new PipelineSettings(PipelineSettings.PIPELINE_RUNNER,
        config.has("resourceTtlOnCompletion") ? config.get("resourceTtlOnCompletion").asInt() : -1,
        config.path("activeDeadlineSeconds").asLong(0), 0, List.copyOf(secrets), Map.of(), "", null, workspace,
        config.has("resourceTtlOnSuccess") ? config.get("resourceTtlOnSuccess").asInt() : -1,
        config.has("resourceTtlOnFailure") ? config.get("resourceTtlOnFailure").asInt() : -1);
  }

  /** The fields of KFP's {@code PipelineConfig} kfp4j holds. */
  private static final Set<String> PIPELINE_CONFIG = Set.of("resourceTtlOnCompletion", "resourceTtlOnSuccess",
      "resourceTtlOnFailure", "activeDeadlineSeconds", "workspace");
}
