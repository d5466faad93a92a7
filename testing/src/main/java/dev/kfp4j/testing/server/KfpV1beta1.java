package dev.kfp4j.testing.server;

import dev.kfp4j.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake KFP server's v1beta1 API: Argo workflows as pipelines, runs and jobs with text
 * parameters. It refuses what KFP refuses here: a duplicate name, an upload that is not an Argo
 * Workflow, an argument the workflow does not declare, a cron that is not KFP's six fields, unknown
 * ids.
 */
final class KfpV1beta1 {
  static final String API = "/apis/v1beta1/";

  private final KfpStore store;
  final Map<String, ObjectNode> experiments = new LinkedHashMap<>();
  final Map<String, ObjectNode> pipelines = new LinkedHashMap<>();
  final Map<String, ObjectNode> versions = new LinkedHashMap<>();
  final Map<String, String> templates = new LinkedHashMap<>();
  final Map<String, ObjectNode> runs = new LinkedHashMap<>();
  private final Map<String, Integer> runGets = new LinkedHashMap<>();
  final Map<String, ObjectNode> jobs = new LinkedHashMap<>();

  KfpV1beta1(KfpStore store) {
    this.store = store;
  }

  JsonNode handle(String method, String path, Map<String, String> query, String contentType, byte[] body) {
    String[] p = path.substring(API.length()).split("/");
    boolean literal = p.length > 1 && (p[1].equals("upload") || p[1].equals("upload_version"));
    String route = method + " " + p[0] + (literal ? "/" + p[1] : p.length > 1 ? "/" + (p[1].contains(":") ? "{id}:" + p[1].substring(p[1].indexOf(':') + 1) : "{id}") : "")
        + (p.length > 2 ? "/" + p[2] : "");
    String id = p.length > 1 ? p[1].replaceAll(":.*", "") : null;
    switch (route) {
      case "GET healthz": return FakeServer.object().put("multi_user", false);
      case "POST experiments": return createExperiment(FakeServer.json(body));
      case "GET experiments": return store.list("experiments", experiments.values(), query);
      case "GET experiments/{id}": return store.find(experiments, id, "Experiment");
      case "POST experiments/{id}:archive": store.find(experiments, id, "Experiment").put("storage_state", "STORAGESTATE_ARCHIVED"); return FakeServer.object();
      case "POST experiments/{id}:unarchive": store.find(experiments, id, "Experiment").put("storage_state", "STORAGESTATE_AVAILABLE"); return FakeServer.object();
      case "DELETE experiments/{id}": store.find(experiments, id, "Experiment"); experiments.remove(id); return FakeServer.object();
      case "POST pipelines/upload": return upload(query, contentType, body, null);
      case "POST pipelines/upload_version": return upload(query, contentType, body, query.get("pipelineid"));
      case "GET pipelines": return store.list("pipelines", pipelines.values(), query);
      case "GET pipelines/{id}": return store.find(pipelines, id, "Pipeline");
      case "DELETE pipelines/{id}":
        store.find(pipelines, id, "Pipeline");
        pipelines.remove(id);
        versions.values().removeIf(v -> owner(v, "PIPELINE").equals(id));
        return FakeServer.object();
      case "GET pipeline_versions": {
        String pipeline = query.getOrDefault("resource_key.id", "");
        store.find(pipelines, pipeline, "Pipeline");
        return store.list("versions", KfpStore.where(versions.values(), v -> owner(v, "PIPELINE").equals(pipeline)), query);
      }
      case "GET pipeline_versions/{id}": return store.find(versions, id, "Pipeline version");
      case "GET pipeline_versions/{id}/templates": store.find(versions, id, "Pipeline version"); return FakeServer.object().put("template", templates.get(id));
      case "DELETE pipeline_versions/{id}": store.find(versions, id, "Pipeline version"); versions.remove(id); return FakeServer.object();
      case "POST runs": return createRun(FakeServer.json(body));
      case "GET runs": return store.list("runs", filtered(runs.values(), query), query);
      case "GET runs/{id}": return runDetail(advance(store.find(runs, id, "Run")));
      case "POST runs/{id}/terminate": store.find(runs, id, "Run").put("status", "Failed").put("error", "terminated"); return FakeServer.object();
      case "POST runs/{id}/retry": store.find(runs, id, "Run").put("status", "Running"); runGets.put(id, 0); return FakeServer.object();
      case "POST runs/{id}:archive": store.find(runs, id, "Run").put("storage_state", "STORAGESTATE_ARCHIVED"); return FakeServer.object();
      case "POST runs/{id}:unarchive": store.find(runs, id, "Run").put("storage_state", "STORAGESTATE_AVAILABLE"); return FakeServer.object();
      case "DELETE runs/{id}": store.find(runs, id, "Run"); runs.remove(id); return FakeServer.object();
      case "POST jobs": return createJob(FakeServer.json(body));
      case "GET jobs": return store.list("jobs", filtered(jobs.values(), query), query);
      case "GET jobs/{id}": return store.find(jobs, id, "Job");
      case "POST jobs/{id}/enable": store.find(jobs, id, "Job").put("enabled", true); return FakeServer.object();
      case "POST jobs/{id}/disable": store.find(jobs, id, "Job").put("enabled", false); return FakeServer.object();
      case "DELETE jobs/{id}": store.find(jobs, id, "Job"); jobs.remove(id); return FakeServer.object();
      default: throw store.answer(404, "Not Found: " + method + " " + path);
    }
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
    ObjectNode r = FakeServer.object();
    r.putObject("key").put("type", type).put("id", id);
    return r.put("relationship", relationship);
  }

  private ObjectNode createExperiment(JsonNode body) {
    String name = body.path("name").asString("");
    if (name.isEmpty()) {
      throw store.answer(400, "Invalid input error: Experiment name is empty. Please specify a valid experiment name.");
    }
    if (experiments.values().stream().anyMatch(e -> e.path("name").asString().equals(name))) {
      throw store.answer(409, "Already exist error: Failed to create a new experiment. The name " + name + " already exists. Please specify a new name.");
    }
    String id = store.newId("experiment");
    ObjectNode e = FakeServer.object().put("id", id).put("name", name).put("description", body.path("description").asString(""))
        .put("created_at", store.now()).put("storage_state", "STORAGESTATE_AVAILABLE");
    if (body.has("resource_references")) {
      e.set("resource_references", body.get("resource_references"));
    }
    experiments.put(id, e);
    return e;
  }

  private ObjectNode upload(Map<String, String> query, String contentType, byte[] body, String pipelineId) {
    String yaml = store.uploadedFile(contentType, body);
    JsonNode wf;
    try {
      wf = Yaml.read(yaml);
    } catch (RuntimeException e) {
      throw store.answer(400, "Failed to parse the pipeline: not YAML");
    }
    if (wf == null || !"Workflow".equals(wf.path("kind").asString(""))) {
      throw store.answer(400, "Failed to get parameters from the workflow: unexpected kind, not an Argo Workflow");
    }
    String name = query.getOrDefault("name", "");
    ObjectNode pipeline;
    if (pipelineId == null) {
      if (pipelines.values().stream().anyMatch(x -> x.path("name").asString().equals(name))) {
        throw store.answer(409, "Already exist error: The name " + name + " already exist. Please specify a new name.");
      }
      pipeline = FakeServer.object().put("id", store.newId("pipeline")).put("name", name)
          .put("description", query.getOrDefault("description", "")).put("created_at", store.now());
      pipelines.put(pipeline.get("id").asString(), pipeline);
    } else {
      pipeline = store.find(pipelines, pipelineId, "Pipeline");
      if (versions.values().stream().anyMatch(v -> owner(v, "PIPELINE").equals(pipelineId) && v.path("name").asString().equals(name))) {
        throw store.answer(409, "Already exist error: The pipeline version name " + name + " already exist. Please specify a new name.");
      }
    }
    String versionId = store.newId("version");
    ObjectNode version = FakeServer.object().put("id", versionId).put("name", name).put("created_at", store.now())
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
      store.find(experiments, experiment, "Experiment");
    }
    String yaml = body.at("/pipeline_spec/workflow_manifest").asString("");
    if (!version.isEmpty()) {
      store.find(versions, version, "Pipeline version");
      yaml = templates.get(version);
    }
    if (yaml.isEmpty()) {
      throw store.answer(400, "Invalid input error: Please specify a pipeline by providing a pipeline version or a workflow manifest.");
    }
    Set<String> declared = new TreeSet<>();
    Yaml.read(yaml).at("/spec/arguments/parameters").forEach(p -> declared.add(p.path("name").asString()));
    for (JsonNode p : body.at("/pipeline_spec/parameters")) {
      if (!declared.contains(p.path("name").asString())) {
        throw store.answer(400, "Invalid input error: unrecognized input parameter: " + p.path("name").asString());
      }
    }
    return body.path("pipeline_spec");
  }

  private ObjectNode createRun(JsonNode body) {
    JsonNode spec = checkedSpec(body);
    String id = store.newId("run");
    ObjectNode run = FakeServer.object().put("id", id).put("name", body.path("name").asString(""))
        .put("description", body.path("description").asString("")).put("created_at", store.now()).put("status", "Running")
        .put("storage_state", "STORAGESTATE_AVAILABLE");
    run.set("pipeline_spec", spec);
    run.set("resource_references", body.path("resource_references"));
    runs.put(id, run);
    runGets.put(id, 0);
    return runDetail(run);
  }

  private ObjectNode advance(ObjectNode run) {
    String id = run.get("id").asString();
    int gets = runGets.merge(id, 1, Integer::sum);
    String end = store.endStatus;
    if (gets >= 2 && end != null && run.path("status").asString().equals("Running")) {
      run.put("status", end).put("finished_at", store.now());
      if (!end.equals("Succeeded")) {
        run.put("error", "step 'multiply' failed with exit code 1");
      }
    }
    return run;
  }

  private ObjectNode runDetail(ObjectNode run) {
    ObjectNode detail = FakeServer.object();
    detail.set("run", run);
    detail.putObject("pipeline_runtime").put("workflow_manifest", manifest(run).toString());
    return detail;
  }

  /**
   * The Argo workflow of a run as KFP reports it: a pod node for each task of the entrypoint's DAG
   * whose template runs a container, in the run's phase, with the outputs {@link
   * FakeKfpServer#tasksReport} gave for the outputs the template declares.
   */
  private ObjectNode manifest(ObjectNode run) {
    String manifest = run.at("/pipeline_spec/workflow_manifest").asString("");
    String yaml = manifest.isEmpty() ? templates.get(owner(run, "PIPELINE_VERSION")) : manifest;
    ObjectNode workflow = FakeServer.object();
    if (yaml == null) {
      return workflow;
    }
    JsonNode spec = Yaml.read(yaml).path("spec");
    Map<String, JsonNode> byName = new LinkedHashMap<>();
    spec.path("templates").forEach(t -> byName.put(t.path("name").asString(""), t));
    ObjectNode nodes = workflow.putObject("status").putObject("nodes");
    JsonNode entry = byName.getOrDefault(spec.path("entrypoint").asString(""), FakeServer.object());
    for (JsonNode task : entry.at("/dag/tasks")) {
      JsonNode template = byName.getOrDefault(task.path("template").asString(""), FakeServer.object());
      if (!template.has("container")) {
        continue;
      }
      String name = task.path("name").asString("");
      String id = run.path("id").asString() + "-" + Integer.toUnsignedString(name.hashCode());
      ObjectNode node = nodes.putObject(id).put("id", id).put("name", run.path("id").asString() + "." + name)
          .put("displayName", name).put("type", "Pod").put("phase", run.path("status").asString("Running"));
      Map<String, String> reported = store.taskOutputs.getOrDefault(name, Map.of());
      ArrayNode parameters = FakeServer.array();
      template.at("/outputs/parameters").forEach(o -> {
        String out = o.path("name").asString("");
        if (reported.containsKey(out)) {
          parameters.add(FakeServer.object().put("name", out).put("value", reported.get(out)));
        }
      });
      ArrayNode artifacts = FakeServer.array();
      template.at("/outputs/artifacts").forEach(o -> {
        String out = o.path("name").asString("");
        if (reported.containsKey(out)) {
          ObjectNode a = FakeServer.object().put("name", out);
          a.putObject("s3").put("key", reported.get(out));
          artifacts.add(a);
        }
      });
      if (!parameters.isEmpty() || !artifacts.isEmpty()) {
        ObjectNode outputs = node.putObject("outputs");
        outputs.set("parameters", parameters);
        outputs.set("artifacts", artifacts);
      }
    }
    return workflow;
  }

  private ObjectNode createJob(JsonNode body) {
    JsonNode spec = checkedSpec(body);
    store.checkTrigger(body.path("trigger"));
    store.checkConcurrency(body);
    String id = store.newId("job");
    ObjectNode job = ((ObjectNode) body.deepCopy()).put("id", id).put("created_at", store.now()).put("status", "Enabled");
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
    return KfpStore.where(items, i -> owner(i, "EXPERIMENT").equals(id));
  }
}
