package dev.kfp4j.local;

import dev.kfp4j.entrypoint.KfpValues;
import dev.kfp4j.format.argo.ArgoReader;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * A compiled pipeline, the same file that goes to the cluster: a KFP v1 Argo Workflow or a KFP 2
 * pipeline spec (told apart by its content), its name and parameters, and what the local runner
 * needs. A KFP 2 pipeline spec is read into the typed pipeline model. The runner checks it can run
 * it before anything runs.
 */
public final class Workflow {
  /** Template fields the local runner runs or can ignore safely on one machine. */
  private static final Set<String> TEMPLATE_FIELDS = Set.of(
      "name", "metadata", "inputs", "outputs", "container", "dag", "retryStrategy", "activeDeadlineSeconds",
      "nodeSelector", "tolerations", "volumes", "parallelism", "affinity", "priorityClassName", "serviceAccountName",
      "podSpecPatch", "securityContext", "timeout");
  private static final Set<String> TASK_FIELDS = Set.of(
      "name", "template", "dependencies", "arguments", "when", "withItems", "withParam");

  /** A pipeline parameter: name, default (or null), KFP type (or null). */
  public record Parameter(String name, String defaultValue, String type) {}

  private final JsonNode root;
  private final dev.kfp4j.model.Pipeline model;
  private final String source;
  private final String name;
  private final Map<String, JsonNode> templates = new LinkedHashMap<>();
  private final List<Parameter> parameters = new ArrayList<>();

  /** A KFP 2 pipeline, read into the model from {@code source}. */
  private Workflow(dev.kfp4j.model.Pipeline model, String source) {
    this.root = null;
    this.model = model;
    this.source = source;
    this.name = model.name();
    for (dev.kfp4j.model.Parameter p : model.parameters()) {
      if (p.isArtifact()) {
        continue; // refused by checkRunnable
      }
      parameters.add(new Parameter(p.name(), p.defaultValue(), p.type() == null ? null : p.type().v1Name()));
    }
  }

  private Workflow(JsonNode root, String source) {
    this.root = root;
    this.model = null;
    this.source = source;
    if (root == null || !root.isObject() || !"Workflow".equals(root.path("kind").asString(""))) {
      throw new WorkflowException(source + ": not an Argo Workflow (kind: Workflow)");
    }
    JsonNode spec = root.path("spec");
    for (JsonNode t : spec.path("templates")) {
      templates.put(t.path("name").asString(""), t);
    }
    String generateName = root.at("/metadata/generateName").asString("");
    String plain = root.at("/metadata/name").asString("");
    this.name = !plain.isEmpty() ? plain : generateName.replaceAll("-$", "");
    Map<String, String> types = new LinkedHashMap<>();
    String pipelineSpec = root.at("/metadata/annotations").path("pipelines.kubeflow.org/pipeline_spec").asString("");
    if (!pipelineSpec.isEmpty()) {
      try {
        for (JsonNode in : Yaml.json().readTree(pipelineSpec).path("inputs")) {
          if (in.hasNonNull("type") && in.get("type").isString()) {
            types.put(in.path("name").asString(), in.get("type").asString());
          }
        }
      } catch (JacksonException e) {
        throw new WorkflowException(source + ": metadata.annotations.pipelines.kubeflow.org/pipeline_spec is not JSON");
      }
    }
    for (JsonNode p : spec.at("/arguments/parameters")) {
      String n = p.path("name").asString();
      parameters.add(new Parameter(n, p.hasNonNull("value") ? p.get("value").asString() : null, types.get(n)));
    }
  }

  /** An Argo Workflow or a KFP 2 pipeline spec (with its Kubernetes platform document, if any). */
  public static Workflow parse(String yaml, String source) {
    try {
      JsonNode first = Yaml.read(yaml);
      if (dev.kfp4j.format.kfp2.Kfp2Reader.isPipelineSpec(first)) {
        return kfp2(yaml, source);
      }
      return new Workflow(first, source);
    } catch (JacksonException e) {
      throw new WorkflowException(source + ": not valid YAML: " + e.getOriginalMessage());
    }
  }

  /** A KFP 2 pipeline spec; an error when {@code yaml} is anything else. */
  public static Workflow kfp2(String yaml, String source) {
    try {
      return new Workflow(dev.kfp4j.format.kfp2.Kfp2Reader.read(yaml, source), source);
    } catch (dev.kfp4j.format.FormatException | IllegalArgumentException e) {
      throw new WorkflowException(e.getMessage().startsWith(source) ? e.getMessage() : source + ": " + e.getMessage());
    }
  }

  /** {@code kfp2} for a KFP 2 pipeline spec, {@code argo} for an Argo Workflow. */
  public String format() {
    return model != null ? "kfp2" : "argo";
  }

  /** The pipeline model of a KFP 2 pipeline spec, or null for an Argo Workflow. */
  dev.kfp4j.model.Pipeline model() {
    return model;
  }

  private dev.kfp4j.model.Pipeline argoModel;

  private boolean argoRead;

  /** The name under which a run shows a component's output: Argo's name for it in an Argo workflow, else its own. */
  java.util.function.BiFunction<dev.kfp4j.spec.ComponentSpec, String, String> outputNames() {
    return model != null ? (spec, output) -> output : dev.kfp4j.format.argo.ContainerTemplate::argoOutput;
  }

  /**
   * Whether a run keeps a component's output as a file even when it passes as a value: in an Argo
   * workflow, each output Argo keeps as an artifact ({@link ArgoReader#filesKept}).
   */
  java.util.function.BiPredicate<dev.kfp4j.spec.ComponentSpec, String> filesKept() {
    return model != null ? (spec, output) -> false : ArgoReader.filesKept(root);
  }

  /**
   * The pipeline as the model holds it: a KFP 2 spec's, or an Argo workflow's as its format reads
   * it, when the model holds all of it that runs ({@link ArgoReader#readsExactly}); else null.
   */
  synchronized dev.kfp4j.model.Pipeline pipeline() {
    if (model != null || argoRead) {
      return model != null ? model : argoModel;
    }
    argoRead = true;
    if (ArgoReader.readsExactly(root)) {
      try {
        argoModel = ArgoReader.read(root, null, source);
      } catch (dev.kfp4j.format.FormatException | IllegalArgumentException e) {
        argoModel = null; // the workflow's own plan says what is wrong with it, as the task it is in
      }
    }
    return argoModel;
  }

  public static Workflow read(Path file) {
    try {
      return parse(Files.readString(file), file.toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new WorkflowException(file + ": not UTF-8 text");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A workflow on the classpath, such as {@code META-INF/kfp4j/pipelines/add-example.yaml}. */
  public static Workflow resource(ClassLoader loader, String resource) {
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new WorkflowException("no workflow '" + resource + "' on the classpath");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String name() {
    return name;
  }

  public String source() {
    return source;
  }

  public List<Parameter> parameters() {
    return List.copyOf(parameters);
  }

  JsonNode root() {
    return root;
  }

  Iterable<JsonNode> templates() {
    return templates.values();
  }

  JsonNode template(String name) {
    return templates.get(name);
  }

  String entrypoint() {
    return root.at("/spec/entrypoint").asString("");
  }

  String onExit() {
    return root.at("/spec/onExit").asString("");
  }

  /**
   * Checks that the workflow hangs together, as Argo would: names follow Argo's rules, the
   * entrypoint and exit handler name templates, every task names a known template, every
   * dependency a known task, and no tasks depend on each other in a cycle.
   */
  public void check() {
    if (model != null) {
      ModelPlan.check(model, source);
      return;
    }
    checkNames();
    if (template(entrypoint()) == null) {
      throw new WorkflowException(source + ": spec.entrypoint '" + entrypoint() + "' names no template; templates are " + templates.keySet());
    }
    if (!onExit().isEmpty() && template(onExit()) == null) {
      throw new WorkflowException(source + ": spec.onExit '" + onExit() + "' names no template");
    }
    for (JsonNode t : templates.values()) {
      String tn = t.path("name").asString();
      for (JsonNode task : t.at("/dag/tasks")) {
        String name = task.path("name").asString();
        String ref = task.path("template").asString("");
        if (template(ref) == null) {
          throw new WorkflowException(source + ": task '" + name + "' of template '" + tn + "' names an unknown template '" + ref + "'");
        }
        for (JsonNode dep : task.path("dependencies")) {
          boolean known = false;
          for (JsonNode other : t.at("/dag/tasks")) {
            known |= other.path("name").asString().equals(dep.asString());
          }
          if (!known) {
            throw new WorkflowException(source + ": task '" + name + "' of template '" + tn + "' depends on an unknown task '" + dep.asString() + "'");
          }
        }
      }
      checkNoCycle(t);
    }
  }

  /** Argo's name of a template or DAG task ({@code workflow/validate}), at most 128 characters. */
  private static final Pattern FIELD_NAME = Pattern.compile("[a-zA-Z0-9][-a-zA-Z0-9]{0,127}");
  /** Argo's name of a parameter or an artifact. */
  private static final Pattern PARAM_NAME = Pattern.compile("[-a-zA-Z0-9_]+");
  /** A Kubernetes object name (DNS-1123 subdomain), at most 253 characters. */
  private static final Pattern OBJECT_NAME = Pattern.compile("(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /**
   * The names that the runner turns into files and folders follow Argo's rules: the workflow's,
   * every template's and DAG task's, and every output's and artifact's.
   */
  private void checkNames() {
    if (!OBJECT_NAME.matcher(name).matches()) {
      throw new WorkflowException(source + ": the workflow's name '" + name + "' (metadata.name, or generateName without its last '-') "
          + "is not a Kubernetes name: lower case letters, digits, '-' and '.', starting and ending with a letter or digit");
    }
    for (JsonNode t : templates.values()) {
      String tn = t.path("name").asString("");
      checkName(FIELD_NAME, tn, "template", "");
      for (JsonNode task : t.at("/dag/tasks")) {
        checkName(FIELD_NAME, task.path("name").asString(""), "task", " of template '" + tn + "'");
        for (JsonNode a : task.at("/arguments/artifacts")) {
          checkName(PARAM_NAME, a.path("name").asString(""), "artifact", " of task '" + task.path("name").asString() + "'");
        }
      }
      for (String kind : new String[] {"/outputs/parameters", "/outputs/artifacts", "/inputs/artifacts"}) {
        for (JsonNode p : t.at(kind)) {
          checkName(PARAM_NAME, p.path("name").asString(""), kind.contains("parameters") ? "output" : "artifact",
              " of template '" + tn + "'");
        }
      }
    }
  }

  private void checkName(Pattern rule, String value, String what, String where) {
    if (!rule.matcher(value).matches()) {
      throw new WorkflowException(source + ": " + what + " name '" + value + "'" + where + " is not allowed: "
          + (rule == FIELD_NAME ? "letters, digits and '-', starting with a letter or digit, at most 128"
              : "letters, digits, '-' and '_'")
          + ", as Argo requires");
    }
  }

  /** No task of a DAG template depends on itself, through others or directly. */
  private void checkNoCycle(JsonNode template) {
    Map<String, List<String>> deps = new LinkedHashMap<>();
    for (JsonNode task : template.at("/dag/tasks")) {
      List<String> d = new ArrayList<>();
      task.path("dependencies").forEach(x -> d.add(x.asString()));
      deps.put(task.path("name").asString(), d);
    }
    Set<String> done = new java.util.HashSet<>();
    for (String task : deps.keySet()) {
      List<String> path = cycle(task, deps, new ArrayList<>(), done);
      if (path != null) {
        throw new WorkflowException(source + ": tasks of template '" + template.path("name").asString()
            + "' depend on each other in a cycle: " + String.join(" -> ", path));
      }
    }
  }

  private static List<String> cycle(String task, Map<String, List<String>> deps, List<String> path, Set<String> done) {
    if (path.contains(task)) {
      List<String> cycle = new ArrayList<>(path.subList(path.indexOf(task), path.size()));
      cycle.add(task);
      return cycle;
    }
    if (!done.add(task)) {
      return null;
    }
    path.add(task);
    for (String d : deps.getOrDefault(task, List.of())) {
      List<String> found = cycle(d, deps, path, done);
      if (found != null) {
        return found;
      }
    }
    path.remove(path.size() - 1);
    return null;
  }

  /**
   * Checks that the local runner can run this workflow: {@link #check()}, and every template a
   * container or a DAG using only what the runner supports. A workflow for a cluster only (a
   * resource template, say) loads without it.
   */
  public void checkRunnable() {
    check();
    if (model != null) {
      ModelPlan.checkRunnable(model, source);
      return;
    }
    for (JsonNode t : templates.values()) {
      String tn = t.path("name").asString();
      for (String field : t.propertyNames()) {
        if (!TEMPLATE_FIELDS.contains(field)) {
          throw new WorkflowException(source + ": template '" + tn + "' uses '" + field
              + "', which the local runner does not run (it runs container and dag templates); run this pipeline on a cluster");
        }
      }
      if (!t.has("container") && !t.has("dag")) {
        throw new WorkflowException(source + ": template '" + tn + "' has neither 'container' nor 'dag'");
      }
      for (JsonNode task : t.at("/dag/tasks")) {
        for (String field : task.propertyNames()) {
          if (!TASK_FIELDS.contains(field)) {
            throw new WorkflowException(source + ": task '" + task.path("name").asString() + "' of template '" + tn + "' uses '" + field
                + "', which the local runner does not support; use " + new TreeSet<>(TASK_FIELDS));
          }
        }
      }
    }
  }

  /**
   * The run's parameter values: {@code given} checked against the declared parameters (unknown
   * and missing names, values that do not parse as their KFP type), defaults filled in.
   */
  public Map<String, String> arguments(Map<String, String> given) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> declared = new ArrayList<>();
    parameters.forEach(p -> declared.add(p.name()));
    for (String key : given.keySet()) {
      if (!declared.contains(key)) {
        String near = dev.kfp4j.spec.Names.nearest(key, declared);
        throw new WorkflowException("pipeline '" + name + "' has no parameter '" + key + "'"
            + (near == null ? "; its" : "; did you mean '" + near + "'? Its") + " parameters are " + declared);
      }
    }
    List<String> missing = new ArrayList<>();
    for (Parameter p : parameters) {
      String value = given.containsKey(p.name()) ? given.get(p.name()) : p.defaultValue();
      if (value == null) {
        missing.add(p.name());
        continue;
      }
      check(p, value);
      out.put(p.name(), value);
    }
    if (!missing.isEmpty()) {
      throw new WorkflowException("pipeline '" + name + "' needs a value for " + missing + " (they have no default); pass name=value");
    }
    return out;
  }

  private void check(Parameter p, String value) {
    if (p.type() == null) {
      return;
    }
    try {
      switch (p.type()) {
        case "Integer" -> KfpValues.parseLong(value);
        case "Float" -> KfpValues.parseDouble(value);
        case "Boolean" -> KfpValues.parseBoolean(value);
        case "JsonArray" -> {
          if (!Yaml.json().readTree(value).isArray()) {
            throw new IllegalArgumentException("not a JSON array: '" + value + "'");
          }
        }
        case "JsonObject" -> {
          if (!Yaml.json().readTree(value).isObject()) {
            throw new IllegalArgumentException("not a JSON object: '" + value + "'");
          }
        }
        default -> { }
      }
    } catch (IllegalArgumentException | JacksonException e) {
      String message = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
      throw new WorkflowException("parameter '" + p.name() + "' is " + p.type() + ": " + message);
    }
  }
}
