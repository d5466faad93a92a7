package dev.kfp4j.testing.server;

import dev.kfp4j.testing.Kfp2Schemas;
import dev.kfp4j.testing.Shared;
import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake KFP server's v2beta1 API, for KFP 2 pipelines, and what it holds: experiments, pipelines
 * and versions uploaded as KFP 2 pipeline specs, runs and recurring runs with their {@code
 * runtime_config}. Field names and answers follow KFP's v2beta1 OpenAPI file. It refuses what KFP
 * 2's API server refuses:
 *
 * <ul>
 *   <li>an upload that does not parse as KFP's protobuf messages, strictly ({@link Kfp2Schemas}:
 *       an unknown field, a wrong type, a reference that does not resolve), or of another schema
 *       version, or without a pipeline name or root; an Argo workflow too (KFP 2 would take it as a
 *       v1 pipeline; this fake takes KFP 2 specs only);
 *   <li>a run or recurring run whose {@code runtime_config} leaves out a parameter without default,
 *       gives one the pipeline does not declare, or a value of another type than its parameter's
 *       (a number for {@code NUMBER_INTEGER}/{@code NUMBER_DOUBLE}, a boolean, a list, a struct, a
 *       string), with KFP's messages;
 *   <li>duplicate names (a pipeline's in its namespace, made by an upload or by {@code CreatePipeline}, which makes one with
 *       no version), unknown ids, a cron that is not KFP's six fields.
 * </ul>
 *
 * Strictness needs KFP's {@code .proto} files from {@code ../shared}: without them an upload is
 * taken unchecked and {@link FakeKfpServer#close} then skips the test.
 */
public final class KfpV2beta1 {
  static final String API = "/apis/v2beta1/";
  /** KFP 2's check of a pipeline's name, as its API server makes it (not anchored). */
  private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  private final KfpStore store;
  private final Map<String, ObjectNode> experiments = new LinkedHashMap<>();
  private final Map<String, ObjectNode> pipelines = new LinkedHashMap<>();
  private final Map<String, ObjectNode> versions = new LinkedHashMap<>();
  private final Map<String, String> specs = new LinkedHashMap<>();
  private final Map<String, JsonNode> inputs = new LinkedHashMap<>();
  private final Map<String, ObjectNode> runs = new LinkedHashMap<>();
  private final Map<String, Integer> runGets = new LinkedHashMap<>();
  private final Map<String, ObjectNode> recurringRuns = new LinkedHashMap<>();
  /** Whether an upload went unchecked for want of KFP's .proto files. */
  boolean unchecked;

  KfpV2beta1(KfpStore store) {
    this.store = store;
  }

  public List<JsonNode> experiments() {
    synchronized (store.lock()) {
      return List.copyOf(experiments.values());
    }
  }

  public List<JsonNode> pipelines() {
    synchronized (store.lock()) {
      return List.copyOf(pipelines.values());
    }
  }

  /** Every version, of every pipeline, in the order uploaded. */
  public List<JsonNode> versions() {
    synchronized (store.lock()) {
      return List.copyOf(versions.values());
    }
  }

  /** The file a pipeline version was uploaded as (a pipeline spec, and its platform spec if any). */
  public String pipelineSpec(String versionId) {
    synchronized (store.lock()) {
      return specs.get(versionId);
    }
  }

  public List<JsonNode> runs() {
    synchronized (store.lock()) {
      return List.copyOf(runs.values());
    }
  }

  public List<JsonNode> recurringRuns() {
    synchronized (store.lock()) {
      return List.copyOf(recurringRuns.values());
    }
  }

  JsonNode handle(String method, String path, Map<String, String> query, String contentType, byte[] body) {
    String[] p = path.substring(API.length()).split("/");
    StringBuilder route = new StringBuilder(method).append(' ').append(p[0]);
    List<String> ids = new ArrayList<>();
    for (int i = 1; i < p.length; i++) {
      boolean literal = p[i].equals("upload") || p[i].equals("upload_version") || p[i].equals("versions");
      int colon = p[i].indexOf(':');
      if (!literal) {
        ids.add(colon < 0 ? p[i] : p[i].substring(0, colon));
      }
      route.append('/').append(literal ? p[i] : colon < 0 ? "{id}" : "{id}" + p[i].substring(colon));
    }
    String id = ids.isEmpty() ? null : ids.get(0);
    switch (route.toString()) {
      case "GET healthz": return FakeServer.object().put("multi_user", false);
      case "POST experiments": return createExperiment(FakeServer.json(body));
      case "GET experiments": return store.list("experiments", inNamespace(experiments, query), query);
      case "GET experiments/{id}": return store.find(experiments, id, "Experiment");
      case "POST experiments/{id}:archive": store.find(experiments, id, "Experiment").put("storage_state", "ARCHIVED"); return FakeServer.object();
      case "POST experiments/{id}:unarchive": store.find(experiments, id, "Experiment").put("storage_state", "AVAILABLE"); return FakeServer.object();
      case "DELETE experiments/{id}": store.find(experiments, id, "Experiment"); experiments.remove(id); return FakeServer.object();
      case "POST pipelines": return createPipeline(FakeServer.json(body));
      case "POST pipelines/upload": return upload(query, contentType, body, null);
      case "POST pipelines/upload_version": return upload(query, contentType, body, query.getOrDefault("pipelineid", ""));
      case "GET pipelines": return store.list("pipelines", inNamespace(pipelines, query), query);
      case "GET pipelines/{id}": return store.find(pipelines, id, "Pipeline");
      case "DELETE pipelines/{id}":
        store.find(pipelines, id, "Pipeline");
        if (!"true".equals(query.get("cascade")) && versions.values().stream().anyMatch(v -> v.path("pipeline_id").asString().equals(id))) {
          throw store.answer(400, "Failed to delete pipeline " + id + ": it has versions; delete them first, or pass cascade=true");
        }
        pipelines.remove(id);
        versions.values().removeIf(v -> v.path("pipeline_id").asString().equals(id));
        return FakeServer.object();
      case "GET pipelines/{id}/versions":
        store.find(pipelines, id, "Pipeline");
        return store.list("pipeline_versions", KfpStore.where(versions.values(), v -> v.path("pipeline_id").asString().equals(id)), query);
      case "GET pipelines/{id}/versions/{id}": return version(id, ids.get(1));
      case "DELETE pipelines/{id}/versions/{id}": version(id, ids.get(1)); versions.remove(ids.get(1)); return FakeServer.object();
      case "POST runs": return createRun(FakeServer.json(body));
      case "GET runs": return store.list("runs", filtered(runs, query), query);
      case "GET runs/{id}": return withTasks(advance(store.find(runs, id, "Run")));
      case "POST runs/{id}:terminate": store.find(runs, id, "Run").put("state", "CANCELED"); return FakeServer.object();
      case "POST runs/{id}:retry": store.find(runs, id, "Run").put("state", "RUNNING"); runGets.put(id, 0); return FakeServer.object();
      case "POST runs/{id}:archive": store.find(runs, id, "Run").put("storage_state", "ARCHIVED"); return FakeServer.object();
      case "POST runs/{id}:unarchive": store.find(runs, id, "Run").put("storage_state", "AVAILABLE"); return FakeServer.object();
      case "DELETE runs/{id}": store.find(runs, id, "Run"); runs.remove(id); return FakeServer.object();
      case "POST recurringruns": return createRecurringRun(FakeServer.json(body));
      case "GET recurringruns": return store.list("recurringRuns", filtered(recurringRuns, query), query);
      case "GET recurringruns/{id}": return store.find(recurringRuns, id, "Recurring run");
      case "POST recurringruns/{id}:enable": store.find(recurringRuns, id, "Recurring run").put("mode", "ENABLE").put("status", "ENABLED"); return FakeServer.object();
      case "POST recurringruns/{id}:disable": store.find(recurringRuns, id, "Recurring run").put("mode", "DISABLE").put("status", "DISABLED"); return FakeServer.object();
      case "DELETE recurringruns/{id}": store.find(recurringRuns, id, "Recurring run"); recurringRuns.remove(id); return FakeServer.object();
      default: throw store.answer(404, "Not Found: " + method + " " + path);
    }
  }

  // ------------------------------------------------------------------ experiments

  private ObjectNode createExperiment(JsonNode body) {
    String name = body.path("display_name").asString("");
    String namespace = body.path("namespace").asString("");
    if (name.isEmpty()) {
      throw store.answer(400, "Invalid input error: Experiment display name is empty. Please specify a valid experiment name.");
    }
    if (experiments.values().stream().anyMatch(e -> e.path("display_name").asString().equals(name)
        && e.path("namespace").asString("").equals(namespace))) {
      throw store.answer(409, "Already exist error: Failed to create a new experiment. The name " + name + " already exists. Please specify a new name.");
    }
    String id = store.newId("experiment");
    ObjectNode e = FakeServer.object().put("experiment_id", id).put("display_name", name)
        .put("description", body.path("description").asString("")).put("created_at", store.now()).put("storage_state", "AVAILABLE");
    if (!namespace.isEmpty()) {
      e.put("namespace", namespace);
    }
    experiments.put(id, e);
    return e;
  }

  // ------------------------------------------------------------------ pipelines

  private ObjectNode upload(Map<String, String> query, String contentType, byte[] body, String pipelineId) {
    String yaml = store.uploadedFile(contentType, body);
    JsonNode spec = checkedSpec(yaml);
    String name = query.getOrDefault("name", "");
    String display = query.getOrDefault("display_name", name);
    ObjectNode pipeline;
    if (pipelineId == null) {
      pipeline = newPipeline(name, display, query.getOrDefault("description", ""), query.getOrDefault("namespace", ""));
    } else {
      pipeline = store.find(pipelines, pipelineId, "Pipeline");
      if (versions.values().stream().anyMatch(v -> v.path("pipeline_id").asString().equals(pipelineId) && v.path("name").asString().equals(name))) {
        throw store.answer(409, "Already exist error: Failed to create a new pipeline version. The name " + name + " already exists. Please specify a new name");
      }
    }
    String versionId = store.newId("version");
    ObjectNode version = FakeServer.object().put("pipeline_id", pipeline.get("pipeline_id").asString())
        .put("pipeline_version_id", versionId).put("name", name).put("display_name", display)
        .put("description", query.getOrDefault("description", "")).put("created_at", store.now());
    version.set("pipeline_spec", spec);
    versions.put(versionId, version);
    specs.put(versionId, yaml);
    List<JsonNode> docs = Yaml.readAll(yaml);
    inputs.put(versionId, docs.get(0).path("root").path("inputDefinitions").path("parameters"));
    return pipelineId == null ? pipeline : version;
  }

  /**
   * {@code CreatePipeline}: a pipeline with no version, as KFP 2's {@code toModelPipeline} reads the body (a name missing is
   * the display name, and the other way round), answered with the pipeline as created.
   */
  private ObjectNode createPipeline(JsonNode body) {
    String name = body.path("name").asString("");
    String display = body.path("display_name").asString("");
    return newPipeline(name.isEmpty() ? display : name, display.isEmpty() ? name : display, body.path("description").asString(""),
        body.path("namespace").asString(""));
  }

  /** A new pipeline, refused as KFP 2 refuses one without a name or of a name its namespace has. */
  private ObjectNode newPipeline(String name, String display, String description, String namespace) {
    if (name.isEmpty()) {
      throw store.answer(400, "Invalid input error: Failed to create a pipeline: the pipeline name is empty");
    }
    if (pipelines.values().stream().anyMatch(x -> x.path("name").asString().equals(name) && x.path("namespace").asString("").equals(namespace))) {
      throw store.answer(409, "Already exist error: Failed to create a new pipeline. The name " + name + " already exists. Please specify a new name");
    }
    ObjectNode pipeline = FakeServer.object().put("pipeline_id", store.newId("pipeline")).put("name", name).put("display_name", display)
        .put("description", description).put("created_at", store.now());
    if (!namespace.isEmpty()) {
      pipeline.put("namespace", namespace);
    }
    pipelines.put(pipeline.get("pipeline_id").asString(), pipeline);
    return pipeline;
  }

  /**
   * The pipeline spec of an upload, as the version's {@code pipeline_spec} holds it (with a
   * platform spec: both, under {@code pipeline_spec} and {@code platform_spec}); checked as KFP 2
   * checks it, strictly.
   */
  private JsonNode checkedSpec(String yaml) {
    List<JsonNode> docs;
    try {
      docs = Yaml.readAll(yaml);
    } catch (RuntimeException e) {
      throw store.answer(400, "Invalid input error: unable to decode yaml document: " + e.getMessage());
    }
    if (docs.isEmpty() || !docs.get(0).has("pipelineInfo") || !docs.get(0).has("root")) {
      String what = !docs.isEmpty() && "Workflow".equals(docs.get(0).path("kind").asString("")) ? " (an Argo Workflow: KFP 2 would "
          + "take it as a KFP v1 pipeline, which this fake's v2beta1 API does not)" : "";
      throw store.answer(400, "Invalid input error: no pipeline spec is provided" + what);
    }
    if (docs.size() > 2) {
      throw store.answer(400, "Invalid input error: multiple pipeline specs provided");
    }
    if (Shared.present()) {
      List<String> errors = Kfp2Schemas.errors(yaml);
      if (!errors.isEmpty()) {
        throw store.answer(400, "Invalid input error: invalid v2 pipeline spec: " + errors.get(0));
      }
    } else {
      unchecked = true;
    }
    JsonNode spec = docs.get(0);
    if (!"2.1.0".equals(spec.path("schemaVersion").asString(""))) {
      throw store.answer(400, "Invalid input error: KFP only supports schema version 2.1.0, but the pipeline spec has version "
          + spec.path("schemaVersion").asString(""));
    }
    String name = spec.path("pipelineInfo").path("name").asString("");
    if (name.isEmpty() || !NAME.matcher(name).find()) {
      throw store.answer(400, "Invalid input error: invalid v2 pipeline spec: name should consist of lower case alphanumeric "
          + "characters, '-' or '.', and must start and end with an alphanumeric character");
    }
    if (docs.size() == 1) {
      return spec;
    }
    ObjectNode both = FakeServer.object();
    both.set("pipeline_spec", spec);
    both.set("platform_spec", docs.get(1));
    return both;
  }

  private ObjectNode version(String pipelineId, String versionId) {
    ObjectNode v = store.find(versions, versionId, "Pipeline version");
    if (!v.path("pipeline_id").asString().equals(pipelineId)) {
      throw store.answer(404, "Pipeline version " + versionId + " of pipeline " + pipelineId + " not found");
    }
    return v;
  }

  // ------------------------------------------------------------------ runs

  /**
   * The version a run or recurring run starts, checked as KFP 2 checks it: its reference, experiment and runtime config; for a
   * pipeline sent inline, {@code ""}, the spec checked as an upload is.
   */
  private String checkedVersion(JsonNode body, String what) {
    String experiment = body.path("experiment_id").asString("");
    if (!experiment.isEmpty()) {
      store.find(experiments, experiment, "Experiment");
    }
    JsonNode ref = body.path("pipeline_version_reference");
    String versionId = ref.path("pipeline_version_id").asString("");
    if (versionId.isEmpty() && body.path("pipeline_spec").isObject()) { // a pipeline sent inline, checked as an upload is
      JsonNode inline = body.get("pipeline_spec");
      JsonNode spec = inline.has("pipeline_spec") ? inline.get("pipeline_spec") : inline;
      checkedSpec(Yaml.jsonText(spec) + (inline.has("platform_spec") ? "\n---\n" + Yaml.jsonText(inline.get("platform_spec")) : ""));
      String problem = runtimeConfigProblem(spec.at("/root/inputDefinitions/parameters"), body.get("runtime_config"));
      if (problem != null) {
        throw store.answer(400, "Invalid input error: Failed to create a " + what + ": invalid pipeline job inputs: " + problem);
      }
      return "";
    }
    if (versionId.isEmpty()) {
      throw store.answer(400, "Invalid input error: Failed to create a " + what + ": give pipeline_version_reference or "
          + "pipeline_spec");
    }
    version(ref.path("pipeline_id").asString(""), versionId);
    String problem = runtimeConfigProblem(inputs.get(versionId), body.get("runtime_config"));
    if (problem != null) {
      throw store.answer(400, "Invalid input error: Failed to create a " + what + ": invalid pipeline job inputs: " + problem);
    }
    return versionId;
  }

  /** What KFP 2 finds wrong with {@code config} for a pipeline of these inputs ({@code validatePipelineJobInputs}), or null. */
  static String runtimeConfigProblem(JsonNode definitions, JsonNode config) {
    if (config == null || config.isNull()) {
      if (definitions.size() > 0) {
        List<String> names = new ArrayList<>();
        definitions.propertyNames().forEach(names::add);
        return "pipeline requiring input has no parameter(s) provided. Need parameter(s): " + String.join(", ", names);
      }
      return null;
    }
    JsonNode given = config.path("parameters");
    for (Map.Entry<String, JsonNode> d : definitions.properties()) {
      String name = d.getKey();
      JsonNode def = d.getValue();
      JsonNode value = given.get(name);
      if (value == null) {
        if (!def.path("isOptional").asBoolean(false) && !def.has("defaultValue")) {
          return "parameter " + name + " is not optional, yet has neither default value nor user provided value";
        }
        continue;
      }
      String type = def.path("parameterType").asString("");
      String wrong = switch (type) {
        case "NUMBER_DOUBLE", "NUMBER_INTEGER" -> value.isNumber() ? null : "double or integer, but the parameter value is not of number value type";
        case "STRING" -> value.isString() ? null : "string, but the input parameter is not of string value type";
        case "BOOLEAN" -> value.isBoolean() ? null : "bool, but the input parameter is not of bool value type";
        case "LIST" -> value.isArray() ? null : "list, but the input parameter is not of list value type";
        case "STRUCT" -> value.isObject() ? null : "struct, but the input parameter is not of struct value type";
        default -> "unknown";
      };
      if (wrong != null) {
        return "input parameter " + name + " requires type " + wrong;
      }
    }
    List<String> extra = new ArrayList<>();
    given.propertyNames().forEach(n -> {
      if (!definitions.has(n)) {
        extra.add(n);
      }
    });
    return extra.isEmpty() ? null : "parameter(s) provided are not required by pipeline: " + String.join(", ", extra);
  }

  private ObjectNode createRun(JsonNode body) {
    if (body.path("display_name").asString("").isEmpty()) {
      throw store.answer(400, "Invalid input error: Failed to create a run: the run's display name is empty");
    }
    checkedVersion(body, "run");
    String id = store.newId("run");
    ObjectNode run = ((ObjectNode) body.deepCopy()).put("run_id", id).put("created_at", store.now()).put("state", "RUNNING")
        .put("storage_state", "AVAILABLE");
    runs.put(id, run);
    runGets.put(id, 0);
    return run;
  }

  /**
   * A run as KFP 2 reports it: with {@code run_details.task_details}, one for each task of the
   * spec's root DAG that runs an executor, in the run's state, with artifact ids {@link
   * FakeKfpServer#tasksReport} gave for the artifacts its component declares.
   */
  private ObjectNode withTasks(ObjectNode run) {
    String spec = specs.get(run.at("/pipeline_version_reference/pipeline_version_id").asString(""));
    if (spec == null) {
      return run;
    }
    JsonNode root = Yaml.readAll(spec).get(0);
    ArrayNode details = FakeServer.array();
    for (Map.Entry<String, JsonNode> task : root.at("/root/dag/tasks").properties()) {
      JsonNode component = root.path("components").path(task.getValue().at("/componentRef/name").asString(""));
      if (!component.has("executorLabel")) {
        continue;
      }
      String name = task.getKey();
      String taskId = run.path("run_id").asString() + "-" + Integer.toUnsignedString(name.hashCode());
      ObjectNode d = FakeServer.object().put("run_id", run.path("run_id").asString()).put("task_id", taskId).put("display_name", name)
          .put("state", run.path("state").asString("RUNNING")).put("pod_name", taskId);
      Map<String, String> reported = store.taskOutputs.getOrDefault(name, Map.of());
      ObjectNode outputs = FakeServer.object();
      component.at("/outputDefinitions/artifacts").propertyNames().forEach(out -> {
        if (reported.containsKey(out)) {
          outputs.putObject(out).putArray("artifact_ids").add(reported.get(out));
        }
      });
      if (!outputs.isEmpty()) {
        d.set("outputs", outputs);
      }
      details.add(d);
    }
    ObjectNode answer = run.deepCopy();
    answer.putObject("run_details").set("task_details", details);
    return answer;
  }

  private ObjectNode advance(ObjectNode run) {
    String id = run.get("run_id").asString();
    int gets = runGets.merge(id, 1, Integer::sum);
    String end = store.endStatus;
    if (gets >= 2 && end != null && run.path("state").asString().equals("RUNNING")) {
      String state = end.toUpperCase(java.util.Locale.ROOT);
      run.put("state", state).put("finished_at", store.now());
      if (!state.equals("SUCCEEDED")) {
        run.putObject("error").put("code", 9).put("message", "task 'multiply' failed with exit code 1");
      }
    }
    return run;
  }

  private ObjectNode createRecurringRun(JsonNode body) {
    if (body.path("display_name").asString("").isEmpty()) {
      throw store.answer(400, "Invalid input error: Failed to create a recurring run: the display name is empty");
    }
    checkedVersion(body, "recurring run");
    store.checkTrigger(body.path("trigger"));
    store.checkConcurrency(body);
    String mode = body.path("mode").asString("");
    if (!mode.equals("ENABLE") && !mode.equals("DISABLE")) {
      throw store.answer(400, "Invalid input error: Failed to create a recurring run: mode must be ENABLE or DISABLE, not '" + mode + "'");
    }
    String id = store.newId("recurring-run");
    ObjectNode r = ((ObjectNode) body.deepCopy()).put("recurring_run_id", id).put("created_at", store.now())
        .put("status", mode.equals("ENABLE") ? "ENABLED" : "DISABLED");
    recurringRuns.put(id, r);
    return r;
  }

  // ------------------------------------------------------------------ lists

  private static List<ObjectNode> inNamespace(Map<String, ObjectNode> items, Map<String, String> query) {
    String ns = query.getOrDefault("namespace", "");
    return KfpStore.where(items.values(), i -> ns.isEmpty() || i.path("namespace").asString("").equals(ns));
  }

  private List<ObjectNode> filtered(Map<String, ObjectNode> items, Map<String, String> query) {
    String experiment = query.getOrDefault("experiment_id", "");
    String ns = query.getOrDefault("namespace", "");
    return KfpStore.where(items.values(), i -> {
      String e = i.path("experiment_id").asString("");
      return experiment.isEmpty() ? ns.isEmpty() || ns.equals(experiments.getOrDefault(e, FakeServer.object()).path("namespace").asString(""))
          : e.equals(experiment);
    });
  }
}
