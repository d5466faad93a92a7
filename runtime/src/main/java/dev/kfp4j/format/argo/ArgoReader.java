package dev.kfp4j.format.argo;

import dev.kfp4j.format.Documents;
import dev.kfp4j.format.FormatException;
import dev.kfp4j.format.SourceLine;
import dev.kfp4j.model.Argument;
import dev.kfp4j.model.Node;
import dev.kfp4j.model.Parameter;
import dev.kfp4j.model.ParameterType;
import dev.kfp4j.model.Pipeline;
import dev.kfp4j.model.PipelineSettings;
import dev.kfp4j.model.RunVolume;
import dev.kfp4j.model.Task;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads an Argo Workflow into a {@link Pipeline}: the workflows kfp4j writes (exactly: writing the
 * result again gives the same file) and those other tools write, such as the KFP SDK's, whose
 * container templates become components made from the templates themselves.
 *
 * <pre>{@code
 * Pipeline p = ArgoReader.read(Files.readString(file), file.toString());
 * }</pre>
 */
public final class ArgoReader {
  private ArgoReader() {}

  /** Whether a file's first document is an Argo Workflow rather than, say, a KFP 2 pipeline spec. */
  public static boolean isWorkflow(JsonNode first) {
    return first != null && first.isObject() && Argo.KIND.equals(first.path("kind").asString(""));
  }

  /**
   * Whether a run of workflow {@code root} keeps a component's output as a file (an artifact), as
   * Argo does: a file output, or an output that a template of another tool declares as an artifact
   * besides a parameter (the KFP SDK's compiler declares every output both ways, a function's
   * return value too). The component of such a template is named after it ({@link ComponentReader}).
   */
  public static java.util.function.BiPredicate<dev.kfp4j.spec.ComponentSpec, String> filesKept(JsonNode root) {
    Set<List<String>> declared = new java.util.HashSet<>();
    for (JsonNode t : root.path("spec").path("templates")) {
      if (t.has("container") && !ComponentReader.writtenByKfp4j(t)) {
        t.path("outputs").path("artifacts").forEach(a -> declared.add(List.of(t.path("name").asString(""), a.path("name").asString(""))));
      }
    }
    return (spec, output) -> spec.outputIsFile(output) || declared.contains(List.of(spec.name(), output));
  }

  /** Reads workflow YAML; {@code source} names it in errors. */
  public static Pipeline read(String yaml, String source) {
    JsonNode root = Documents.first(yaml, source);
    return read(root, headerSource(yaml), source);
  }

  /**
   * Reads workflow YAML that is to be written again (submitted, scheduled, written into another pipeline): as {@link
   * #read(String, String)}, but what another tool's container template says that the model does not carry ({@code
   * podSpecPatch}, {@code affinity}, an output's {@code globalName}, where an artifact is stored, a DAG's outputs, ...) is
   * refused, not lost on the way ({@link TemplateIo}), and so are what a template kfp4j wrote says that it would not write
   * again, such as a {@code podSpecPatch} added by hand or a name of its own ({@link EditedTemplates}, a DAG template's:
   * {@link RenamedDags}), a template no task runs ({@link UnusedTemplates}), and a key of the workflow's own that it would
   * not write again ({@code spec.tolerations}, {@code spec.hooks}, a label of the workflow: {@link WorkflowKeys}). A {@code
   * metadata.namespace} is refused as a key kfp4j has no setting for: this reads a workflow whose runs' namespace is none
   * of its reader's to give (a pipeline written into another); else {@link #readToWrite(String, String, String)}. A run on
   * this machine, tracked in MLflow or not, reads the workflow as {@link #read(String, String)} does.
   */
  public static Pipeline readToWrite(String yaml, String source) {
    return readToWrite(yaml, source, null);
  }

  /**
   * As {@link #readToWrite(String, String)}, for a workflow to be run where its reader gives a run's namespace: {@code
   * namespace} names where, in the words of the one who gives it ({@code -n/--namespace (or the config file's namespace)}, a
   * Maven goal's {@code -Dkfp4j.namespace}), in the refusal of a {@code metadata.namespace}, which the workflow written again
   * has not; null where there is none to give.
   */
  public static Pipeline readToWrite(String yaml, String source, String namespace) {
    JsonNode root = Documents.first(yaml, source);
    if (isWorkflow(root)) {
      TemplateIo.checkArgumentsCarried(root.path("spec"), source);
      Set<String> dags = new java.util.HashSet<>();
      root.path("spec").path("templates").forEach(t -> {
        if (t.has("dag")) {
          dags.add(t.path("name").asString(""));
        }
      });
      for (JsonNode t : root.path("spec").path("templates")) {
        String where = source + ": template '" + t.path("name").asString("") + "'";
        if (t.has("container") && !ComponentReader.writtenByKfp4j(t)) {
          ComponentReader.checkCarried(t, where);
        } else if (!t.has("container")) {
          TemplateIo.checkCarried(t, where);
          OptionalArguments.checkCarried(t, dags, where);
        }
      }
    }
    Pipeline pipeline = read(root, headerSource(yaml), source);
    UnusedTemplates.check(root.path("spec"), source); // once read: what the workflow runs is a workflow kfp4j reads
    JsonNode again = ArgoWriter.toNode(pipeline);
    EditedTemplates.check(root, again, source); // kfp4j's own templates, as written again
    RenamedDags.check(root, again, source); // and the names of its DAG templates
    WorkflowKeys.check(root, again, source, namespace); // and the workflow's own keys
    return pipeline;
  }

  /** Reads a parsed workflow; {@code pipelineSource} is what the model's {@code source()} says (may be null). */
  public static Pipeline read(JsonNode root, String pipelineSource, String source) {
    return readForRun(root, pipelineSource, source).pipeline();
  }

  /**
   * A workflow's model, and the names of the groups made around one step (a DAG task with {@code
   * when}, {@code withItems} or {@code withParam} that runs a container template): a run shows such
   * a group as its step, once per item, as Argo does; and {@code loopWhens}, the conditions that are the {@code when} of a
   * task with {@code withParam}, which a run tests before the items where they are no JSON list, as Argo does.
   */
  public record Read(Pipeline pipeline, Set<String> groupsAroundSteps, Set<String> loopWhens) {}

  /** Reads a parsed workflow and says which of its groups were made around one step. */
  public static Read readForRun(JsonNode root, String pipelineSource, String source) {
    if (!isWorkflow(root)) {
      throw new FormatException(source + ": not an Argo Workflow (kind: Workflow)");
    }
    JsonNode spec = root.path("spec");
    TemplateIo.checkArgumentsRun(spec, source);
    Map<String, JsonNode> templates = new LinkedHashMap<>();
    for (JsonNode t : spec.path("templates")) {
      templates.put(t.path("name").asString(""), t);
    }
    String name = name(root);
    JsonNode pipelineSpec = pipelineSpec(root, source);
    List<Parameter> parameters = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    for (Declared p : parameters(root, source)) {
      names.add(p.name());
      parameters.add(new Parameter(p.name(), p.type() == null ? null : ParameterType.ofV1Name(p.type()), p.defaultValue(), p.description()));
    }
    String description = TemplateIo.text(pipelineSpec, "description");

    DagReader dags = new DagReader(source, templates, names);
    String entrypoint = spec.path("entrypoint").asString("");
    if (!templates.containsKey(entrypoint)) {
      throw new FormatException(source + ": spec.entrypoint '" + entrypoint + "' names no template; templates are " + templates.keySet());
    }
    DagReader.Scope rootScope = rootScope(templates.get(entrypoint), names, source);
    List<Node> nodes = templates.get(entrypoint).has("dag")
        ? dags.read(entrypoint, rootScope)
        : List.of(dags.exitTask(entrypoint, rootScope));
    String onExit = spec.path("onExit").asString("");
    Task exit = onExit.isEmpty() ? null : dags.exitTask(onExit, new DagReader.Scope(Map.of(), Map.of()));
    try {
      return new Read(new Pipeline(name, description, parameters, nodes, exit, settings(spec, templates.values()), pipelineSource),
          dags.groupsAroundSteps(), dags.loopWhens());
    } catch (IllegalArgumentException e) {
      throw new FormatException(source + ": " + e.getMessage(), e);
    }
  }

  /**
   * The workflow's name: {@code metadata.name}, or {@code generateName} without its last '-'; that too where the name is
   * one the cluster made of it ({@code p-x7k2p} of {@code p-}, in a file taken from a run, {@code argo get -o yaml}).
   */
  public static String name(JsonNode root) {
    String generateName = root.path("metadata").path("generateName").asString("");
    String plain = root.path("metadata").path("name").asString("");
    return !plain.isEmpty() && (generateName.isEmpty() || !plain.startsWith(generateName)) ? plain : generateName.replaceAll("-$", "");
  }

  /**
   * A workflow parameter: its name, default (or null), KFP type as KFP v1's annotation gives it (or
   * null) and description (or null).
   */
  public record Declared(String name, String defaultValue, String type, String description) {}

  /** The workflow's parameters, typed as the KFP SDK's {@code pipeline_spec} annotation says. */
  public static List<Declared> parameters(JsonNode root, String source) {
    Map<String, String> types = new LinkedHashMap<>();
    for (JsonNode in : pipelineSpec(root, source).path("inputs")) {
      if (in.path("type").isString()) {
        types.put(in.path("name").asString(""), in.get("type").asString());
      }
    }
    List<Declared> out = new ArrayList<>();
    for (JsonNode p : root.path("spec").path("arguments").path("parameters")) {
      String n = p.path("name").asString("");
      out.add(new Declared(n, TemplateIo.text(p, "value"), types.get(n), TemplateIo.text(p, "description")));
    }
    return out;
  }

  /** The entrypoint's inputs: the workflow's parameters of the same names, or their own values. */
  private static DagReader.Scope rootScope(JsonNode entry, Set<String> parameters, String source) {
    Map<String, Argument> inputs = new LinkedHashMap<>();
    for (JsonNode p : entry.path("inputs").path("parameters")) {
      String n = p.path("name").asString("");
      if (parameters.contains(n)) {
        inputs.put(n, new Argument.PipelineParameter(n));
      } else if (p.hasNonNull("value") || p.hasNonNull("default")) {
        inputs.put(n, Argument.Constant.of(p.hasNonNull("value") ? p.get("value").asString() : p.get("default").asString()));
      } else {
        throw new FormatException(source + ": the entrypoint template '" + entry.path("name").asString("") + "' needs input '" + n
            + "', which no workflow parameter gives; add it to spec.arguments.parameters or give the input a value");
      }
    }
    return new DagReader.Scope(inputs, Map.of());
  }

  private static JsonNode pipelineSpec(JsonNode root, String source) {
    String json = root.path("metadata").path("annotations").path(Argo.PIPELINE_SPEC).asString("");
    if (json.isEmpty()) {
      return Yaml.object();
    }
    try {
      return Yaml.readJson(json);
    } catch (JacksonException e) {
      throw new FormatException(source + ": metadata.annotations." + Argo.PIPELINE_SPEC + " is not JSON");
    }
  }

  private static PipelineSettings settings(JsonNode spec, Iterable<JsonNode> templates) {
    List<String> secrets = new ArrayList<>();
    spec.path("imagePullSecrets").forEach(s -> secrets.add(s.path("name").asString("")));
    Map<String, String> nodeSelector = new LinkedHashMap<>();
    spec.path("nodeSelector").properties().forEach(e -> nodeSelector.put(e.getKey(), e.getValue().asString("")));
    return new PipelineSettings(
        spec.path("serviceAccountName").asString(""),
        spec.path("ttlStrategy").has("secondsAfterCompletion") ? spec.path("ttlStrategy").path("secondsAfterCompletion").asInt() : -1,
        spec.path("activeDeadlineSeconds").asLong(0),
        spec.path("parallelism").asInt(0),
        secrets,
        nodeSelector,
        spec.path("podGC").path("strategy").asString(""),
        runVolume(spec, templates), null,
        spec.path("ttlStrategy").has("secondsAfterSuccess") ? spec.path("ttlStrategy").path("secondsAfterSuccess").asInt() : -1,
        spec.path("ttlStrategy").has("secondsAfterFailure") ? spec.path("ttlStrategy").path("secondsAfterFailure").asInt() : -1);
  }

  /**
   * The run's volume, as {@link ArgoWriter} writes it: kfp4j's one claim template, deleted when the
   * workflow completes, mounted where the container templates mount it; else null.
   */
  private static RunVolume runVolume(JsonNode spec, Iterable<JsonNode> templates) {
    JsonNode claims = spec.path("volumeClaimTemplates");
    JsonNode claim = claims.path(0);
    if (claims.size() != 1 || !RunVolume.NAME.equals(claim.path("metadata").path("name").asString(""))
        || !Argo.ON_WORKFLOW_COMPLETION.equals(spec.path("volumeClaimGC").path("strategy").asString(""))) {
      return null;
    }
    String mountPath = null;
    for (JsonNode t : templates) {
      for (JsonNode m : t.path("container").path("volumeMounts")) {
        if (mountPath == null && RunVolume.NAME.equals(m.path("name").asString(""))) {
          mountPath = m.path("mountPath").asString("");
        }
      }
    }
    JsonNode claimSpec = claim.path("spec");
    try {
      return new RunVolume(claimSpec.path("resources").path("requests").path("storage").asString(""),
          claimSpec.path("accessModes").path(0).asString("ReadWriteOnce"), claimSpec.path("storageClassName").asString(""),
          mountPath == null ? "/" + RunVolume.NAME : mountPath);
    } catch (IllegalArgumentException e) {
      return null; // not a volume kfp4j wrote: left to the cluster as Argo's own setting, which kfp4j does not keep
    }
  }

  /** The source named in the header kfp4j writes ({@code # Generated by kfp4j from X. Do not edit.}), or null. */
  static String headerSource(String yaml) {
    int end = yaml.indexOf('\n');
    return SourceLine.named(end < 0 ? yaml : yaml.substring(0, end)); // the first line, where kfp4j writes it
  }
}
