package dev.kfp4j.local;

import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * What to run, read from an Argo workflow: its DAG templates as graphs, and each task's loop
 * ({@code withItems}, {@code withParam}), condition ({@code when}), arguments and container, as
 * {@link Step}s of plain values. With {@link Workflow} (the file) and {@link Variables} (the
 * {@code {{...}}} language) the only part of the runner that knows Argo's keys.
 */
final class ArgoPlan implements Plan {
  private final Workflow workflow;
  private final Map<String, String> parameters;
  private final Variables variables;
  private final Path runDir;
  private final Path volumes;
  private final LocalRunner.JavaMode javaMode;
  private final Map<String, Graph> graphs = new ConcurrentHashMap<>();

  ArgoPlan(Workflow workflow, Map<String, String> parameters, Variables variables, Path runDir, Path volumes,
      LocalRunner.JavaMode javaMode) {
    this.workflow = workflow;
    this.parameters = parameters;
    this.variables = variables;
    this.runDir = runDir;
    this.volumes = volumes;
    this.javaMode = javaMode;
  }

  /** As Argo, the workflow's arguments are the entrypoint template's inputs; checked before anything runs. */
  static Map<String, String> entryInputs(Workflow workflow, Map<String, String> parameters) {
    Map<String, String> inputs = new LinkedHashMap<>();
    for (JsonNode p : workflow.template(workflow.entrypoint()).at("/inputs/parameters")) {
      String n = p.path("name").asString();
      String v = parameters.containsKey(n) ? parameters.get(n) : p.hasNonNull("value") ? p.get("value").asString() : null;
      if (v == null) {
        throw new WorkflowException("the entrypoint template '" + workflow.entrypoint() + "' needs input '" + n + "', which no workflow parameter gives");
      }
      inputs.put(n, v);
    }
    return inputs;
  }

  @Override
  public Graph main() {
    return graph(workflow.entrypoint());
  }

  @Override
  public Scope mainScope() {
    return new Scope(entryInputs(workflow, parameters), Map.of());
  }

  @Override
  public Graph exitHandler() {
    return workflow.onExit().isEmpty() ? null : graph(workflow.onExit());
  }

  private Graph graph(String template) {
    return graphs.computeIfAbsent(template, t -> {
      List<Node> nodes = new ArrayList<>();
      for (JsonNode task : workflow.template(t).at("/dag/tasks")) {
        List<String> deps = new ArrayList<>();
        task.path("dependencies").forEach(d -> deps.add(d.asString()));
        nodes.add(new Node(task.path("name").asString(), task.path("template").asString(), List.copyOf(deps), task));
      }
      return new Graph(t, List.copyOf(nodes));
    });
  }

  @Override
  public Loop loop(Node node, Scope scope) {
    JsonNode task = (JsonNode) node.source();
    JsonNode list;
    if (task.has("withItems")) {
      list = task.get("withItems");
    } else if (task.has("withParam")) {
      String json = variables.substitute(task.get("withParam").asString(), scope, null, "task '" + node.name() + "' withParam");
      try {
        list = Yaml.json().readTree(json);
      } catch (RuntimeException e) {
        list = null;
      }
      if (list == null || !list.isArray()) {
        throw new WorkflowException("task '" + node.name() + "': withParam is not a JSON list: " + json);
      }
    } else {
      return null;
    }
    List<JsonNode> items = new ArrayList<>();
    list.forEach(items::add);
    return new Loop(items, workflow.template(node.template()).path("parallelism").asInt(0));
  }

  @Override
  public String skipReason(Node node, Scope scope, JsonNode item) {
    JsonNode task = (JsonNode) node.source();
    if (!task.has("when")) {
      return null;
    }
    String when = task.get("when").asString();
    String where = "task '" + node.name() + "' when";
    return variables.condition(when, scope, item, where) ? null
        : "when '" + variables.shown(when, scope, item, where) + "' is false";
  }

  @Override
  public Work work(Node node, Scope scope, JsonNode item, TaskId id) {
    JsonNode task = (JsonNode) node.source();
    String name = node.name();
    String where = "task '" + name + "'";
    JsonNode template = workflow.template(node.template());
    Path dir = RunPaths.inside(runDir, RunPaths.taskFolder(id.id()));
    Map<String, String> inputs = new LinkedHashMap<>();
    for (JsonNode p : task.at("/arguments/parameters")) {
      inputs.put(p.path("name").asString(), variables.substitute(p.path("value").asString(""), scope, item, where));
    }
    for (JsonNode p : template.at("/inputs/parameters")) {
      String n = p.path("name").asString();
      if (!inputs.containsKey(n)) {
        if (!p.has("value") && !p.has("default")) {
          throw new WorkflowException(where + " gives no value for input '" + n + "' of template '" + node.template() + "'");
        }
        inputs.put(n, p.has("value") ? p.get("value").asString() : p.get("default").asString());
      }
    }
    Map<String, Path> files = new LinkedHashMap<>();
    for (JsonNode a : task.at("/arguments/artifacts")) {
      String n = a.path("name").asString();
      if (a.has("from")) {
        files.put(n, variables.file(a.get("from").asString(), scope, where + " artifact '" + n + "'"));
      } else if (a.has("raw")) {
        Path raw = RunPaths.inside(dir, "inputs", n, "data");
        write(raw, variables.substitute(a.at("/raw/data").asString(""), scope, item, where));
        files.put(n, raw);
      } else {
        throw new WorkflowException(where + " passes artifact '" + n + "' without 'from' or 'raw'");
      }
    }
    Scope inner = new Scope(inputs, files);
    return template.has("dag") ? new SubGraph(graph(node.template()), inner) : step(template, inner, id, name, dir);
  }

  /** A container template as a step: its command with container paths mapped to files in the task's folder. */
  private Step step(JsonNode template, Scope scope, TaskId id, String name, Path dir) {
    String templateName = template.path("name").asString();
    String where = "template '" + templateName + "'";
    JsonNode container = template.get("container");
    List<String> command = new ArrayList<>();
    for (JsonNode c : container.path("command")) {
      command.add(variables.substitute(c.asString(), scope, null, where));
    }
    for (JsonNode a : container.path("args")) {
      command.add(variables.substitute(a.asString(), scope, null, where));
    }
    if (command.isEmpty()) {
      throw new WorkflowException(where + " has no command: the local runner ignores images, so it needs one");
    }
    Map<String, Path> paths = new LinkedHashMap<>();
    Map<String, Path> parameterFiles = new LinkedHashMap<>();
    Map<String, Path> artifactFiles = new LinkedHashMap<>();
    Map<String, Path> outputMounts = new LinkedHashMap<>();
    Map<String, Path> inputMounts = new LinkedHashMap<>();
    for (JsonNode p : template.at("/outputs/parameters")) {
      String n = p.path("name").asString();
      String path = p.at("/valueFrom/path").asString("");
      if (path.isEmpty()) {
        throw new WorkflowException(where + " output '" + n + "' has no valueFrom.path; the local runner reads outputs from files");
      }
      parameterFiles.put(n, paths.computeIfAbsent(path, k -> RunPaths.inside(dir, "outputs", n, "data")));
      outputMounts.put(path, paths.get(path));
    }
    for (JsonNode a : template.at("/outputs/artifacts")) {
      String n = a.path("name").asString();
      String path = a.path("path").asString();
      artifactFiles.put(n, paths.computeIfAbsent(path, k -> RunPaths.inside(dir, "outputs", n, "data")));
      outputMounts.put(path, paths.get(path));
    }
    for (JsonNode a : template.at("/inputs/artifacts")) {
      String n = a.path("name").asString();
      Path source = scope.inputFiles.get(n);
      if (source == null) {
        throw new WorkflowException(where + " needs input artifact '" + n + "', which its task does not pass");
      }
      paths.put(a.path("path").asString(), source);
      inputMounts.put(a.path("path").asString(), source);
    }
    Map<String, Path> mounts = new LinkedHashMap<>();
    for (JsonNode m : container.path("volumeMounts")) {
      String claim = m.path("name").asString();
      for (JsonNode v : template.path("volumes")) {
        if (v.path("name").asString().equals(claim) && v.has("persistentVolumeClaim")) {
          claim = variables.substitute(v.at("/persistentVolumeClaim/claimName").asString(), scope, null, where);
        }
      }
      String folder = claim.replaceAll("[^A-Za-z0-9._-]+", "_");
      if (folder.equals(".") || folder.equals("..")) {
        throw new WorkflowException(where + " mounts the claim '" + claim + "', which cannot name a folder of " + volumes);
      }
      mounts.put(m.path("mountPath").asString(), RunPaths.inside(volumes, folder));
    }
    Map<String, String> env = new LinkedHashMap<>();
    for (JsonNode e : container.path("env")) {
      if (e.has("value")) {
        env.put(e.path("name").asString(), variables.substitute(e.path("value").asString(), scope, null, where));
      }
    }
    Map<String, String> artifactTypes = artifactTypes(template, artifactFiles.keySet());
    boolean caching = !"P0D".equals(template.at("/metadata/annotations").path("pipelines.kubeflow.org/max_cache_staleness").asString(""));
    Map<String, String> limits = new LinkedHashMap<>();
    container.at("/resources/limits").properties().forEach(e -> limits.put(e.getKey(), e.getValue().asString()));
    return new Step(id, name, templateName, dir, container.path("image").asString(""), command,
        ContainerPaths.mapMounts(ContainerPaths.mapPaths(command, paths), mounts), env, parameterFiles, artifactFiles,
        scope.inputFiles, List.copyOf(mounts.values()), retry(template, where), timeoutSeconds(template, where), caching,
        javaMode(template, javaMode), new Step.Mounts(outputMounts, inputMounts, mounts), limits, artifactTypes, null);
  }

  /** The schema titles of a template's output artifacts, from the KFP component spec KFP v1 keeps in its annotations. */
  private static Map<String, String> artifactTypes(JsonNode template, java.util.Set<String> artifacts) {
    String spec = template.at("/metadata/annotations").path("pipelines.kubeflow.org/component_spec").asString("");
    Map<String, String> types = new LinkedHashMap<>();
    if (spec.isEmpty()) {
      return types;
    }
    try {
      for (JsonNode o : Yaml.json().readTree(spec).path("outputs")) {
        String n = o.path("name").asString("");
        if (artifacts.contains(n) && o.path("type").isString()) {
          types.put(n, ArtifactReader.schemaTitle(o.path("type").asString()));
        }
      }
    } catch (RuntimeException e) {
      // not KFP's annotation: the artifacts stay untyped
    }
    return types;
  }

  private static RetryPolicy retry(JsonNode template, String where) {
    JsonNode r = template.path("retryStrategy");
    if (r.isMissingNode()) {
      return RetryPolicy.NONE;
    }
    return new RetryPolicy((int) whole(r.path("limit"), 0, where + " retryStrategy.limit"),
        RetryPolicy.millis(r.at("/backoff/duration").asString(""), where + " retryStrategy.backoff.duration"),
        (int) whole(r.at("/backoff/factor"), 1, where + " retryStrategy.backoff.factor"),
        RetryPolicy.millis(r.at("/backoff/maxDuration").asString(""), where + " retryStrategy.backoff.maxDuration"));
  }

  private static long timeoutSeconds(JsonNode template, String where) {
    return whole(template.path("activeDeadlineSeconds"), 0, where + " activeDeadlineSeconds");
  }

  /** A whole number written as a number or a string, or {@code absent} when it is not there. */
  private static long whole(JsonNode node, long absent, String field) {
    if (node.isMissingNode() || node.isNull()) {
      return absent;
    }
    try {
      return Long.parseLong(node.asString().strip());
    } catch (NumberFormatException e) {
      throw new WorkflowException(field + " '" + node.asString() + "' is not a whole number");
    }
  }

  /** How a template's Java component runs ({@link JavaModes}). */
  static LocalRunner.JavaMode javaMode(JsonNode template, LocalRunner.JavaMode runnerMode) {
    return JavaModes.choose(template.at("/metadata/annotations").path(JavaModes.ANNOTATION).asString(""), runnerMode,
        whole(template.path("activeDeadlineSeconds"), 0, "activeDeadlineSeconds"), !template.at("/container/env").isEmpty());
  }

  private static void write(Path p, String text) {
    try {
      Files.createDirectories(p.getParent());
      Files.writeString(p, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + p, e);
    }
  }
}
