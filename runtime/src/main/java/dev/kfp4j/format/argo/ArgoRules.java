package dev.kfp4j.format.argo;

import dev.kfp4j.spec.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What Argo checks when a workflow is submitted, beyond its JSON schema (Argo's {@code
 * workflow/validate}, v3.3 to v4): names, references and the DAG's shape. A workflow that breaks
 * one of these is refused by the Argo Server and by KFP, whatever the schema says.
 *
 * <ul>
 *   <li>Template, DAG task and step names: letters, digits and '-', starting with a letter or
 *       digit, at most 128 characters, unique; parameter and artifact names (inputs, outputs,
 *       arguments): letters, digits, '_' and '-', unique in their list.
 *   <li>{@code spec.entrypoint} and {@code spec.onExit} name templates, as every task's and step's
 *       {@code template} does; a template has exactly one type (container, dag, resource, ...).
 *   <li>Every {@code {{...}}} under one of Argo's roots resolves where it is: {@code
 *       inputs.parameters.X} declared by the template; {@code workflow.parameters.X} in {@code
 *       spec.arguments}; {@code tasks.T.outputs.parameters.X} (or {@code .artifacts.X}) declared by
 *       the template of task {@code T} of the same DAG, which the task depends on (directly or not:
 *       stricter than Argo's check, as it is what the run needs); {@code item} and {@code item.F}
 *       only in a task with {@code withItems} (whose items have key {@code F}) or {@code withParam}.
 *       A {@code {{} without {@code }}} is an error.
 *   <li>DAG dependencies name tasks of the same DAG and make no cycle; a task passes every input
 *       its template declares without a default; arguments have values.
 *   <li>What Kubernetes refuses in the pod a container or script template makes: its volumes have
 *       unique Kubernetes names (RFC 1123 labels), and each volume mount names one of them, of
 *       {@code spec.volumes} or of {@code spec.volumeClaimTemplates}.
 * </ul>
 *
 * <p>Errors name the place as Argo does ({@code templates.<t>.tasks.<task>}).
 */
public final class ArgoRules {
  private static final int FIELD_NAME_MAX = 128;
  private static final List<String> TYPES =
      List.of("container", "script", "resource", "dag", "steps", "suspend", "data", "http", "containerSet", "plugin");

  private final JsonNode spec;
  private final Map<String, JsonNode> templates = new LinkedHashMap<>();
  private final Set<String> globals = new HashSet<>();
  /** In the order found, each once: a reference used twice in one place is one mistake. */
  private final Set<String> errors = new LinkedHashSet<>();

  private ArgoRules(JsonNode workflow) {
    this.spec = workflow.path("spec");
  }

  /** What Argo would refuse in {@code workflow}, one message each; empty when it takes it. */
  public static List<String> errors(JsonNode workflow) {
    return new ArgoRules(workflow).check(workflow);
  }

  /** Why {@code name} is not a valid Argo parameter or artifact name, or null when it is. */
  public static String whyInvalidParameterName(String name) {
    return Names.isArgoName(name) ? null
        : "a parameter or artifact name has only letters, digits, '_' and '-'";
  }

  /** Why {@code name} is not a valid Argo template, task or step name, or null when it is. */
  public static String whyInvalidFieldName(String name) {
    if (name.length() > FIELD_NAME_MAX) {
      return "it has " + name.length() + " characters, more than " + FIELD_NAME_MAX;
    }
    return isFieldName(name) ? null
        : "a template, task or step name has only letters, digits and '-', and starts with a letter or digit";
  }

  /**
   * Whether Argo takes {@code name} for a template, DAG task or step: {@code
   * [a-zA-Z0-9][-a-zA-Z0-9]*}, at most {@value #FIELD_NAME_MAX} characters. Checked by hand: a
   * pattern costs every cold start of a run or a validate its compiling.
   */
  static boolean isFieldName(String name) {
    if (name.isEmpty() || name.length() > FIELD_NAME_MAX || name.charAt(0) == '-') {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
        return false;
      }
    }
    return true;
  }

  private List<String> check(JsonNode workflow) {
    names(spec.path("templates"), "spec.templates", false);
    for (JsonNode t : spec.path("templates")) {
      templates.putIfAbsent(t.path("name").asString(""), t);
    }
    JsonNode arguments = spec.path("arguments");
    names(arguments.path("parameters"), "spec.arguments.parameters", true);
    names(arguments.path("artifacts"), "spec.arguments.artifacts", true);
    globals(workflow);
    String entrypoint = spec.path("entrypoint").asString("");
    if (entrypoint.isEmpty()) {
      errors.add("spec.entrypoint is required");
    } else if (!templates.containsKey(entrypoint)) {
      errors.add("spec.entrypoint: template '" + entrypoint + "' is not defined" + nearest(entrypoint, templates.keySet()));
    } else {
      supplied(templates.get(entrypoint), arguments, "spec.arguments", true);
    }
    String onExit = spec.path("onExit").asString("");
    if (!onExit.isEmpty() && !templates.containsKey(onExit)) {
      errors.add("spec.onExit: template '" + onExit + "' is not defined" + nearest(onExit, templates.keySet()));
    }
    templates.values().forEach(this::template);
    return List.copyOf(errors);
  }

  private void globals(JsonNode workflow) {
    globals.addAll(List.of("workflow.name", "workflow.namespace", "workflow.serviceAccountName", "workflow.uid",
        "workflow.status", "workflow.annotations", "workflow.labels"));
    workflow.at("/metadata/annotations").propertyNames().forEach(k -> globals.add("workflow.annotations." + k));
    workflow.at("/metadata/labels").propertyNames().forEach(k -> globals.add("workflow.labels." + k));
    JsonNode parameters = spec.at("/arguments/parameters");
    if (!parameters.isEmpty()) {
      globals.add("workflow.parameters");
    }
    parameters.forEach(p -> globals.add("workflow.parameters." + p.path("name").asString("")));
    if (spec.has("priority")) {
      globals.add("workflow.priority");
    }
    if (spec.has("onExit")) {
      globals.add("workflow.failures");
    }
    for (JsonNode t : templates.values()) {
      t.at("/outputs/parameters").forEach(p -> global("parameters", p));
      t.at("/outputs/artifacts").forEach(a -> global("artifacts", a));
    }
  }

  private void global(String kind, JsonNode output) {
    String name = output.path("globalName").asString("");
    if (!name.isEmpty()) {
      globals.add("workflow.outputs." + kind + "." + name);
    }
  }

  // ------------------------------------------------------------------ templates

  private void template(JsonNode t) {
    String name = t.path("name").asString("");
    String at = "templates." + name;
    List<String> types = TYPES.stream().filter(t::has).toList();
    if (types.size() != 1 && !(types.isEmpty() && t.has("templateRef"))) {
      errors.add(at + (types.isEmpty() ? " has no template type" : " has several template types " + types)
          + ": give one of " + String.join(", ", TYPES));
      return;
    }
    String type = types.isEmpty() ? "templateRef" : types.get(0);
    boolean leaf = !type.equals("dag") && !type.equals("steps") && !type.equals("suspend") && !type.equals("templateRef");
    names(t.at("/inputs/parameters"), at + ".inputs.parameters", true);
    names(t.at("/inputs/artifacts"), at + ".inputs.artifacts", true);
    names(t.at("/outputs/parameters"), at + ".outputs.parameters", true);
    names(t.at("/outputs/artifacts"), at + ".outputs.artifacts", true);
    for (JsonNode a : t.at("/inputs/artifacts")) {
      String ref = at + ".inputs.artifacts." + a.path("name").asString("");
      if (leaf != a.has("path")) {
        errors.add(ref + (leaf ? ".path not specified" : ".path only valid in container and script templates"));
      }
      if (a.has("from")) {
        errors.add(ref + ".from not valid in inputs");
      }
    }
    for (JsonNode p : t.at("/outputs/parameters")) {
      outputParameter(p, type, at + ".outputs.parameters." + p.path("name").asString(""));
    }
    for (JsonNode a : t.at("/outputs/artifacts")) {
      if (leaf != a.has("path")) {
        errors.add(at + ".outputs.artifacts." + a.path("name").asString("")
            + (leaf ? ".path not specified" : ".path only valid in container and script templates"));
      }
    }
    if ((type.equals("container") || type.equals("script")) && t.path(type).path("image").asString("").isEmpty()) {
      errors.add(at + "." + type + ".image may not be empty");
    }
    if (type.equals("container") || type.equals("script")) {
      volumes(t, type, at);
    }
    if (!leaf && t.has("activeDeadlineSeconds")) {
      errors.add(at + ".activeDeadlineSeconds is only valid for leaf templates");
    }
    if (leaf && t.has("parallelism")) {
      errors.add(at + ".parallelism is only valid for steps and dag templates");
    }
    Scope scope = new Scope(globals, templates);
    for (JsonNode p : t.at("/inputs/parameters")) {
      scope.add("inputs.parameters." + p.path("name").asString(""));
      scope.add("inputs.parameters");
    }
    for (JsonNode a : t.at("/inputs/artifacts")) {
      scope.add("inputs.artifacts." + a.path("name").asString(""));
      scope.add("inputs.artifacts." + a.path("name").asString("") + ".path");
    }
    if (leaf) {
      scope.add("pod.name");
      resolve(t, scope, at);
    } else if (type.equals("dag")) {
      dag(t, scope, at);
    } else if (type.equals("steps")) {
      steps(t, scope, at);
    }
  }

  private void volumes(JsonNode t, String type, String at) {
    Set<String> own = new HashSet<>();
    int i = 0;
    for (JsonNode v : t.path("volumes")) {
      String name = v.path("name").asString("");
      String why = Names.whyInvalidKubernetesName(name);
      boolean first = own.add(name);
      if (why != null) {
        errors.add(at + ".volumes[" + i + "].name '" + name + "' is invalid: " + why);
      } else if (!first) {
        errors.add(at + ".volumes[" + i + "].name '" + name + "' is not unique");
      }
      i++;
    }
    Set<String> volumes = new LinkedHashSet<>(own);
    spec.path("volumes").forEach(v -> volumes.add(v.path("name").asString("")));
    spec.path("volumeClaimTemplates").forEach(c -> volumes.add(c.at("/metadata/name").asString("")));
    for (JsonNode m : t.path(type).path("volumeMounts")) {
      String name = m.path("name").asString("");
      if (!volumes.contains(name)) {
        errors.add(at + "." + type + ".volumeMounts: volume '" + name + "' is not defined" + nearest(name, volumes));
      }
    }
  }

  private void outputParameter(JsonNode p, String type, String ref) {
    JsonNode from = p.path("valueFrom");
    if (p.has("value") == p.has("valueFrom")) {
      errors.add(ref + (p.has("value") ? " has both value and valueFrom" : " has neither value nor valueFrom"));
    } else if (from.isObject() && (type.equals("container") || type.equals("script")) && !from.has("path")) {
      errors.add(ref + ".valueFrom.path must be specified for " + type + " templates");
    } else if (from.isObject() && type.equals("resource") && !from.has("jsonPath") && !from.has("jqFilter")) {
      errors.add(ref + ".valueFrom.jsonPath or jqFilter must be specified for resource templates");
    } else if (from.isObject() && (type.equals("dag") || type.equals("steps")) && !from.has("parameter") && !from.has("expression")) {
      errors.add(ref + ".valueFrom.parameter or expression must be specified for " + type + " templates");
    }
  }

  // ------------------------------------------------------------------ DAG and steps

  private void dag(JsonNode t, Scope outer, String at) {
    JsonNode list = t.at("/dag/tasks");
    if (list.isEmpty()) {
      errors.add(at + " must have at least one task");
      return;
    }
    names(list, at + ".tasks", false);
    Map<String, JsonNode> tasks = new LinkedHashMap<>();
    list.forEach(task -> tasks.putIfAbsent(task.path("name").asString(""), task));
    boolean depends = tasks.values().stream().anyMatch(task -> task.has("depends"));
    Map<String, List<String>> edges = new LinkedHashMap<>();
    for (JsonNode task : tasks.values()) {
      String name = task.path("name").asString("");
      String ref = at + ".tasks." + name;
      List<String> deps = dependencies(task);
      edges.put(name, deps);
      if (!name.isEmpty() && Character.isDigit(name.charAt(0)) && (depends || task.has("dependencies"))) {
        errors.add(ref + " name cannot begin with a digit when using either 'depends' or 'dependencies'");
      }
      if (depends && task.has("dependencies")) {
        errors.add(ref + " uses 'dependencies' where other tasks of the DAG use 'depends': use one of them");
      }
      for (String d : deps) {
        if (!tasks.containsKey(d)) {
          errors.add(ref + ": dependency '" + d + "' is not defined" + nearest(d, tasks.keySet()));
        }
      }
    }
    if (cycle(edges, at)) {
      return;
    }
    for (JsonNode task : tasks.values()) {
      String name = task.path("name").asString("");
      Scope scope = outer.copy();
      scope.dag = tasks;
      scope.edges = edges;
      scope.task = name;
      run(task, scope, at + ".tasks." + name);
    }
    Scope all = outer.copy();
    all.dag = tasks;
    all.edges = edges;
    resolve(t.path("outputs"), all, at + ".outputs");
    resolve(t.at("/dag/target"), all, at + ".dag.target");
  }

  private void steps(JsonNode t, Scope outer, String at) {
    Scope scope = outer.copy();
    Set<String> seen = new HashSet<>();
    int i = 0;
    for (JsonNode group : t.path("steps")) {
      for (JsonNode step : group) {
        String name = step.path("name").asString("");
        String why = whyInvalidFieldName(name);
        if (why != null || !seen.add(name)) {
          errors.add(at + ".steps[" + i + "].name '" + name + "' is " + (why != null ? "invalid: " + why : "not unique"));
        }
        run(step, scope.copy(), at + ".steps[" + i + "]." + name);
      }
      for (JsonNode step : group) {
        scope.names.addAll(Scope.outputs(templates, "steps." + step.path("name").asString(""), step, true));
      }
      i++;
    }
  }

  /** A DAG task's or step's template, loop, references, and arguments. */
  private void run(JsonNode task, Scope scope, String ref) {
    String template = task.path("template").asString("");
    JsonNode called = templates.get(template);
    if (called == null && !task.has("templateRef")) {
      errors.add(ref + ": template '" + template + "' is not defined" + nearest(template, templates.keySet()));
    }
    int loops = (task.has("withItems") ? 1 : 0) + (task.has("withParam") ? 1 : 0) + (task.has("withSequence") ? 1 : 0);
    if (loops > 1) {
      errors.add(ref + ": only one of withItems, withParam, withSequence can be specified");
    }
    for (JsonNode item : task.path("withItems")) {
      if (item.isObject()) {
        item.propertyNames().forEach(k -> scope.add("item." + k));
      } else if (item.isArray()) {
        for (int i = 0; i < item.size(); i++) {
          scope.add("item.[" + i + "]");
        }
      } else {
        scope.add("item");
      }
    }
    if (task.has("withParam") || task.has("withSequence")) {
      scope.add("item");
      scope.anyItem = task.has("withParam");
    }
    resolve(task, scope, ref);
    JsonNode arguments = task.path("arguments");
    for (JsonNode p : arguments.path("parameters")) {
      if (!p.has("value") && !p.has("valueFrom")) {
        errors.add(ref + ".arguments.parameters." + p.path("name").asString("") + ".value is required");
      }
    }
    for (JsonNode a : arguments.path("artifacts")) {
      if (!a.has("from") && !a.has("fromExpression") && !a.has("raw") && !location(a)) {
        errors.add(ref + ".arguments.artifacts." + a.path("name").asString("") + ".from, raw or an artifact location is required");
      }
    }
    names(arguments.path("parameters"), ref + ".arguments.parameters", true);
    names(arguments.path("artifacts"), ref + ".arguments.artifacts", true);
    if (called != null) {
      supplied(called, arguments, ref + ".arguments", false);
    }
  }

  /** Every input of {@code called} without a default is given in {@code arguments}, as Argo's ProcessArgs requires. */
  private void supplied(JsonNode called, JsonNode arguments, String ref, boolean namesSuffice) {
    Set<String> given = new HashSet<>();
    arguments.path("parameters").forEach(p -> given.add("parameters." + p.path("name").asString("")));
    arguments.path("artifacts").forEach(a -> given.add("artifacts." + a.path("name").asString("")));
    for (JsonNode p : called.at("/inputs/parameters")) {
      String name = p.path("name").asString("");
      if (!p.has("value") && !p.has("default") && !p.has("valueFrom") && !given.contains("parameters." + name)) {
        errors.add(ref + ": inputs.parameters." + name + " of template '" + called.path("name").asString("")
            + "' was not supplied" + (namesSuffice ? "; declare it in spec.arguments.parameters" : ""));
      }
    }
    for (JsonNode a : called.at("/inputs/artifacts")) {
      String name = a.path("name").asString("");
      if (!a.path("optional").asBoolean(false) && !a.has("from") && !a.has("raw") && !location(a)
          && !given.contains("artifacts." + name)) {
        errors.add(ref + ": inputs.artifacts." + name + " of template '" + called.path("name").asString("") + "' was not supplied");
      }
    }
  }

  private static boolean location(JsonNode artifact) {
    for (String kind : List.of("s3", "git", "http", "artifactory", "hdfs", "raw", "oss", "gcs", "azure", "key")) {
      if (artifact.has(kind)) {
        return true;
      }
    }
    return false;
  }

  private static List<String> dependencies(JsonNode task) {
    List<String> deps = new ArrayList<>();
    task.path("dependencies").forEach(d -> deps.add(d.asString("")));
    for (String token : task.path("depends").asString("").split("[\\s&|!()]+")) {
      if (!token.isEmpty()) {
        deps.add(token.contains(".") ? token.substring(0, token.indexOf('.')) : token);
      }
    }
    return deps;
  }

  private boolean cycle(Map<String, List<String>> edges, String at) {
    Map<String, Integer> state = new LinkedHashMap<>(); // 1: on the path, 2: done
    Deque<String> path = new ArrayDeque<>();
    for (String start : edges.keySet()) {
      if (visit(start, edges, state, path)) {
        List<String> cycle = new ArrayList<>(path);
        errors.add(at + ".tasks: dependency cycle: " + String.join(" -> ", cycle));
        return true;
      }
    }
    return false;
  }

  private static boolean visit(String node, Map<String, List<String>> edges, Map<String, Integer> state, Deque<String> path) {
    Integer s = state.get(node);
    if (s != null && s == 2) {
      return false;
    }
    path.addLast(node);
    if (s != null) {
      List<String> list = new ArrayList<>(path);
      path.clear();
      path.addAll(list.subList(list.indexOf(node), list.size()));
      return true;
    }
    state.put(node, 1);
    for (String d : edges.getOrDefault(node, List.of())) {
      if (edges.containsKey(d) && visit(d, edges, state, path)) {
        return true;
      }
    }
    state.put(node, 2);
    path.removeLast();
    return false;
  }

  // ------------------------------------------------------------------ references

  private void resolve(JsonNode node, Scope scope, String ref) {
    String template = ref.substring("templates.".length()).replaceAll("[.\\[].*", "");
    for (Tags.Tag tag : Tags.in(node)) {
      if (tag.tag() == null) {
        errors.add(ref + ": '{{' without '}}' in \"" + abbreviate(tag.text()) + "\"");
      } else if (!scope.resolves(tag.tag())) {
        String reason = scope.why(tag.tag(), template);
        errors.add(ref + ": {{" + tag.tag() + "}} does not resolve" + (reason.isEmpty() ? "" : ": " + reason));
      }
    }
  }

  private void names(JsonNode list, String where, boolean parameters) {
    Set<String> seen = new HashSet<>();
    int i = 0;
    for (JsonNode n : list) {
      String name = n.path("name").asString("");
      if (name.isEmpty()) {
        errors.add(where + "[" + i + "].name is required");
      } else {
        String why = parameters ? whyInvalidParameterName(name) : whyInvalidFieldName(name);
        if (why != null) {
          errors.add(where + "[" + i + "].name '" + name + "' is invalid: " + why);
        }
        if (!seen.add(name)) {
          errors.add(where + "[" + i + "].name '" + name + "' is not unique");
        }
      }
      i++;
    }
  }

  static String nearest(String name, Set<String> names) {
    String near = Names.nearest(name, names);
    return near == null ? "" : "; did you mean '" + near + "'?";
  }

  private static String abbreviate(String text) {
    String one = text.replace("\n", "\\n");
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }
}
