package dev.kfp4j.testing.server;

import dev.kfp4j.yaml.Yaml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful, in-memory Kubeflow Pipelines API server (v1beta1), for end-to-end tests of the
 * client, the command line and the Maven plugin: what is created can be got and listed after.
 * Field names and answers follow KFP's OpenAPI file; it refuses what KFP refuses here (a duplicate
 * name, an upload that is not an Argo Workflow, an argument the workflow does not declare, a
 * cron that is not KFP's six fields, unknown ids) with KFP's error body.
 *
 * <p>Runs: a created run is {@code Running}; the second time it is got it ends with the status set
 * by {@link #runsEndAs} ({@code Succeeded} unless changed), or never with {@code runsEndAs(null)}.
 */
public final class FakeKfpServer extends FakeServer {
  private static final String API = "/apis/v1beta1/";

  private final Map<String, ObjectNode> experiments = new LinkedHashMap<>();
  private final Map<String, ObjectNode> pipelines = new LinkedHashMap<>();
  private final Map<String, ObjectNode> versions = new LinkedHashMap<>();
  private final Map<String, String> templates = new LinkedHashMap<>();
  private final Map<String, ObjectNode> runs = new LinkedHashMap<>();
  private final Map<String, Integer> runGets = new LinkedHashMap<>();
  private final Map<String, ObjectNode> jobs = new LinkedHashMap<>();
  private int ids;
  private String endStatus = "Succeeded";

  private FakeKfpServer() {}

  public static FakeKfpServer start() {
    return new FakeKfpServer();
  }

  /** How runs end, on their second read; null: they run forever. */
  public synchronized void runsEndAs(String status) {
    this.endStatus = status;
  }

  public synchronized List<JsonNode> experiments() {
    return List.copyOf(experiments.values());
  }

  public synchronized List<JsonNode> pipelines() {
    return List.copyOf(pipelines.values());
  }

  public synchronized List<JsonNode> versions() {
    return List.copyOf(versions.values());
  }

  /** The workflow YAML a pipeline version holds. */
  public synchronized String template(String versionId) {
    return templates.get(versionId);
  }

  public synchronized List<JsonNode> runs() {
    return List.copyOf(runs.values());
  }

  public synchronized List<JsonNode> jobs() {
    return List.copyOf(jobs.values());
  }

  @Override
  JsonNode error(int status, String message) {
    int code = switch (status) {
      case 400 -> 3;
      case 401 -> 16;
      case 403 -> 7;
      case 404 -> 5;
      case 409 -> 6;
      default -> 13;
    };
    ObjectNode e = object().put("error", message).put("code", code).put("message", message);
    e.putArray("details");
    return e;
  }

  @Override
  JsonNode handle(String method, String path, Map<String, String> query, String contentType, byte[] body) {
    if (!path.startsWith(API)) {
      throw answer(404, "Not Found: " + path);
    }
    String[] p = path.substring(API.length()).split("/");
    boolean literal = p.length > 1 && (p[1].equals("upload") || p[1].equals("upload_version"));
    String route = method + " " + p[0] + (literal ? "/" + p[1] : p.length > 1 ? "/" + (p[1].contains(":") ? "{id}:" + p[1].substring(p[1].indexOf(':') + 1) : "{id}") : "")
        + (p.length > 2 ? "/" + p[2] : "");
    String id = p.length > 1 ? p[1].replaceAll(":.*", "") : null;
    switch (route) {
      case "GET healthz": return object().put("multi_user", false);
      case "POST experiments": return createExperiment(json(body));
      case "GET experiments": return list("experiments", experiments.values(), query);
      case "GET experiments/{id}": return find(experiments, id, "Experiment");
      case "POST experiments/{id}:archive": find(experiments, id, "Experiment").put("storage_state", "STORAGESTATE_ARCHIVED"); return object();
      case "POST experiments/{id}:unarchive": find(experiments, id, "Experiment").put("storage_state", "STORAGESTATE_AVAILABLE"); return object();
      case "DELETE experiments/{id}": find(experiments, id, "Experiment"); experiments.remove(id); return object();
      case "POST pipelines/upload": return upload(query, contentType, body, null);
      case "POST pipelines/upload_version": return upload(query, contentType, body, query.get("pipelineid"));
      case "GET pipelines": return list("pipelines", pipelines.values(), query);
      case "GET pipelines/{id}": return find(pipelines, id, "Pipeline");
      case "DELETE pipelines/{id}":
        find(pipelines, id, "Pipeline");
        pipelines.remove(id);
        versions.values().removeIf(v -> owner(v, "PIPELINE").equals(id));
        return object();
      case "GET pipeline_versions": {
        String pipeline = query.getOrDefault("resource_key.id", "");
        find(pipelines, pipeline, "Pipeline");
        return list("versions", versions.values().stream().filter(v -> owner(v, "PIPELINE").equals(pipeline)).toList(), query);
      }
      case "GET pipeline_versions/{id}": return find(versions, id, "Pipeline version");
      case "GET pipeline_versions/{id}/templates": find(versions, id, "Pipeline version"); return object().put("template", templates.get(id));
      case "DELETE pipeline_versions/{id}": find(versions, id, "Pipeline version"); versions.remove(id); return object();
      case "POST runs": return createRun(json(body));
      case "GET runs": return list("runs", filtered(runs.values(), query), query);
      case "GET runs/{id}": return runDetail(advance(find(runs, id, "Run")));
      case "POST runs/{id}/terminate": find(runs, id, "Run").put("status", "Failed").put("error", "terminated"); return object();
      case "POST runs/{id}/retry": find(runs, id, "Run").put("status", "Running"); runGets.put(id, 0); return object();
      case "POST runs/{id}:archive": find(runs, id, "Run").put("storage_state", "STORAGESTATE_ARCHIVED"); return object();
      case "DELETE runs/{id}": find(runs, id, "Run"); runs.remove(id); return object();
      case "POST jobs": return createJob(json(body));
      case "GET jobs": return list("jobs", filtered(jobs.values(), query), query);
      case "GET jobs/{id}": return find(jobs, id, "Job");
      case "POST jobs/{id}/enable": find(jobs, id, "Job").put("enabled", true); return object();
      case "POST jobs/{id}/disable": find(jobs, id, "Job").put("enabled", false); return object();
      case "DELETE jobs/{id}": find(jobs, id, "Job"); jobs.remove(id); return object();
      default: throw answer(404, "Not Found: " + method + " " + path);
    }
  }

  private String newId(String kind) {
    return kind + "-" + (++ids);
  }

  private String now() {
    return Instant.parse("2026-01-01T00:00:00Z").plusSeconds(ids).toString();
  }

  private ObjectNode find(Map<String, ObjectNode> store, String id, String kind) {
    ObjectNode found = store.get(id);
    if (found == null) {
      throw answer(404, kind + " " + id + " not found");
    }
    return found;
  }

  private static String owner(JsonNode n, String type) {
    for (JsonNode r : n.path("resource_references")) {
      if (type.equals(r.at("/key/type").asString(""))) {
        return r.at("/key/id").asString("");
      }
    }
    return "";
  }

  private static ObjectNode reference(String type, String id, String relationship) {
    ObjectNode r = object();
    r.putObject("key").put("type", type).put("id", id);
    return r.put("relationship", relationship);
  }

  private ObjectNode createExperiment(JsonNode body) {
    String name = body.path("name").asString("");
    if (name.isEmpty()) {
      throw answer(400, "Invalid input error: Experiment name is empty. Please specify a valid experiment name.");
    }
    if (experiments.values().stream().anyMatch(e -> e.path("name").asString().equals(name))) {
      throw answer(409, "Already exist error: Failed to create a new experiment. The name " + name + " already exists. Please specify a new name.");
    }
    String id = newId("experiment");
    ObjectNode e = object().put("id", id).put("name", name).put("description", body.path("description").asString(""))
        .put("created_at", now()).put("storage_state", "STORAGESTATE_AVAILABLE");
    if (body.has("resource_references")) {
      e.set("resource_references", body.get("resource_references"));
    }
    experiments.put(id, e);
    return e;
  }

  private ObjectNode upload(Map<String, String> query, String contentType, byte[] body, String pipelineId) {
    if (contentType == null || !contentType.startsWith("multipart/form-data; boundary=")) {
      throw answer(400, "Failed to read the pipeline: the request is not multipart/form-data");
    }
    String yaml = part(body, contentType.substring(contentType.indexOf("boundary=") + 9), "uploadfile");
    JsonNode wf;
    try {
      wf = Yaml.read(yaml);
    } catch (RuntimeException e) {
      throw answer(400, "Failed to parse the pipeline: not YAML");
    }
    if (wf == null || !"Workflow".equals(wf.path("kind").asString(""))) {
      throw answer(400, "Failed to get parameters from the workflow: unexpected kind, not an Argo Workflow");
    }
    String name = query.getOrDefault("name", "");
    ObjectNode pipeline;
    if (pipelineId == null) {
      if (pipelines.values().stream().anyMatch(x -> x.path("name").asString().equals(name))) {
        throw answer(409, "Already exist error: The name " + name + " already exist. Please specify a new name.");
      }
      pipeline = object().put("id", newId("pipeline")).put("name", name).put("description", query.getOrDefault("description", ""))
          .put("created_at", now());
      pipelines.put(pipeline.get("id").asString(), pipeline);
    } else {
      pipeline = find(pipelines, pipelineId, "Pipeline");
      if (versions.values().stream().anyMatch(v -> owner(v, "PIPELINE").equals(pipelineId) && v.path("name").asString().equals(name))) {
        throw answer(409, "Already exist error: The pipeline version name " + name + " already exist. Please specify a new name.");
      }
    }
    String versionId = newId("version");
    ObjectNode version = object().put("id", versionId).put("name", name).put("created_at", now())
        .put("description", query.getOrDefault("description", ""));
    version.set("parameters", parameters(wf));
    version.putArray("resource_references").add(reference("PIPELINE", pipeline.get("id").asString(), "OWNER"));
    versions.put(versionId, version);
    templates.put(versionId, yaml);
    pipeline.set("default_version", version);
    pipeline.set("parameters", parameters(wf));
    return pipelineId == null ? pipeline : version;
  }

  private static ArrayNode parameters(JsonNode workflow) {
    ArrayNode params = Yaml.json().createArrayNode();
    for (JsonNode p : workflow.at("/spec/arguments/parameters")) {
      ObjectNode o = params.addObject().put("name", p.path("name").asString());
      if (p.has("value")) {
        o.put("value", p.get("value").asString());
      }
    }
    return params;
  }

  /** The workflow a run or job starts, checked like KFP: a version or a manifest, its arguments declared. */
  private JsonNode checkedSpec(JsonNode body) {
    String version = owner(body, "PIPELINE_VERSION");
    String experiment = owner(body, "EXPERIMENT");
    if (!experiment.isEmpty()) {
      find(experiments, experiment, "Experiment");
    }
    String yaml = body.at("/pipeline_spec/workflow_manifest").asString("");
    if (!version.isEmpty()) {
      find(versions, version, "Pipeline version");
      yaml = templates.get(version);
    }
    if (yaml.isEmpty()) {
      throw answer(400, "Invalid input error: Please specify a pipeline by providing a pipeline version or a workflow manifest.");
    }
    Set<String> declared = new TreeSet<>();
    Yaml.read(yaml).at("/spec/arguments/parameters").forEach(p -> declared.add(p.path("name").asString()));
    for (JsonNode p : body.at("/pipeline_spec/parameters")) {
      if (!declared.contains(p.path("name").asString())) {
        throw answer(400, "Invalid input error: unrecognized input parameter: " + p.path("name").asString());
      }
    }
    return body.path("pipeline_spec");
  }

  private ObjectNode createRun(JsonNode body) {
    JsonNode spec = checkedSpec(body);
    String id = newId("run");
    ObjectNode run = object().put("id", id).put("name", body.path("name").asString("")).put("description", body.path("description").asString(""))
        .put("created_at", now()).put("status", "Running").put("storage_state", "STORAGESTATE_AVAILABLE");
    run.set("pipeline_spec", spec);
    run.set("resource_references", body.path("resource_references"));
    runs.put(id, run);
    runGets.put(id, 0);
    return runDetail(run);
  }

  private ObjectNode advance(ObjectNode run) {
    String id = run.get("id").asString();
    int gets = runGets.merge(id, 1, Integer::sum);
    if (gets >= 2 && endStatus != null && run.path("status").asString().equals("Running")) {
      run.put("status", endStatus).put("finished_at", now());
      if (!endStatus.equals("Succeeded")) {
        run.put("error", "step 'multiply' failed with exit code 1");
      }
    }
    return run;
  }

  private static ObjectNode runDetail(ObjectNode run) {
    ObjectNode detail = object();
    detail.set("run", run);
    detail.putObject("pipeline_runtime").put("workflow_manifest", "{}");
    return detail;
  }

  private ObjectNode createJob(JsonNode body) {
    JsonNode spec = checkedSpec(body);
    JsonNode trigger = body.path("trigger");
    if (trigger.has("cron_schedule")) {
      String cron = trigger.at("/cron_schedule/cron").asString("");
      if (cron.isBlank() || (!cron.startsWith("@") && cron.trim().split("\\s+").length != 6)) {
        throw answer(400, "Invalid input error: invalid cron schedule '" + cron + "': expected 6 fields");
      }
    } else if (trigger.at("/periodic_schedule/interval_second").asLong(0) < 1) {
      throw answer(400, "Invalid input error: a trigger needs a cron schedule or a periodic schedule with an interval");
    }
    long concurrency = body.path("max_concurrency").asLong(1);
    if (concurrency < 1 || concurrency > 10) {
      throw answer(400, "Invalid input error: max concurrency of a job should be between 1 and 10");
    }
    String id = newId("job");
    ObjectNode job = ((ObjectNode) body.deepCopy()).put("id", id).put("created_at", now()).put("status", "Enabled");
    job.set("pipeline_spec", spec);
    jobs.put(id, job);
    return job;
  }

  private static List<ObjectNode> filtered(java.util.Collection<ObjectNode> items, Map<String, String> query) {
    String type = query.getOrDefault("resource_reference_key.type", "");
    String id = query.getOrDefault("resource_reference_key.id", "");
    if (!type.equals("EXPERIMENT")) {
      return new ArrayList<>(items);
    }
    return items.stream().filter(i -> owner(i, "EXPERIMENT").equals(id)).toList();
  }

  /** A page, with KFP's name filter ({@code EQUALS} on {@code name}) and {@code created_at desc} order. */
  private static ObjectNode list(String field, java.util.Collection<ObjectNode> all, Map<String, String> query) {
    List<ObjectNode> items = new ArrayList<>(all);
    String filter = query.getOrDefault("filter", "");
    if (!filter.isEmpty()) {
      for (JsonNode p : Yaml.json().readTree(filter).path("predicates")) {
        String value = p.has("string_value") ? p.get("string_value").asString() : p.path("stringValue").asString();
        String op = p.path("op").asString(p.path("operation").asString(""));
        if (!op.equals("EQUALS") && !op.equals("1")) {
          throw new Answer(400, object().put("error", "unsupported filter op " + op).put("code", 3));
        }
        items.removeIf(i -> !i.path(p.path("key").asString()).asString("").equals(value));
      }
    }
    if (query.getOrDefault("sort_by", "").endsWith(" desc")) {
      items.sort(Comparator.comparing((ObjectNode i) -> i.path("created_at").asString()).reversed());
    }
    int size = Integer.parseInt(query.getOrDefault("page_size", "10"));
    int start = query.getOrDefault("page_token", "").isEmpty() ? 0 : Integer.parseInt(query.get("page_token"));
    ObjectNode page = object();
    ArrayNode array = page.putArray(field);
    items.subList(Math.min(start, items.size()), Math.min(start + size, items.size())).forEach(array::add);
    page.put("total_size", items.size());
    if (start + size < items.size()) {
      page.put("next_page_token", Integer.toString(start + size));
    }
    return page;
  }

  /** The content of one multipart/form-data field. */
  private String part(byte[] body, String boundary, String field) {
    String text = new String(body, StandardCharsets.UTF_8);
    for (String part : text.split("--" + java.util.regex.Pattern.quote(boundary))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd > 0 && part.substring(0, headerEnd).contains("name=\"" + field + "\"")) {
        String content = part.substring(headerEnd + 4);
        return content.endsWith("\r\n") ? content.substring(0, content.length() - 2) : content;
      }
    }
    throw answer(400, "Failed to read the pipeline: no '" + field + "' file in the form");
  }
}
