package dev.kfp4j.testing.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An in-memory MLflow tracking server on loopback, for tests of kfp4j's MLflow tracking: every
 * request is held to MLflow's REST API ({@link MlflowApi}, from {@code service.proto}) and what is
 * refused is answered as MLflow answers it ({@code 400 INVALID_PARAMETER_VALUE}, {@code 404
 * RESOURCE_DOES_NOT_EXIST} / {@code ENDPOINT_NOT_FOUND}); what is logged is kept and read back with
 * {@link #runs()}. Artifacts go through the artifact proxy ({@code PUT
 * /api/2.0/mlflow-artifacts/artifacts/...}), as a server started with {@code --serve-artifacts}.
 */
public final class FakeMlflowServer extends FakeServer {
  private static final String API = "/api/2.0";
  private static final String ARTIFACTS = API + "/mlflow-artifacts/artifacts/";

  /**
   * A run as logged: its experiment's name, tags, parameters, each metric's values in order, status,
   * end time (0 while it runs) and artifacts by path.
   */
  public record Run(String id, String experiment, String name, Map<String, String> tags, Map<String, String> params,
      Map<String, List<Double>> metrics, String status, long endTime, Map<String, byte[]> artifacts) {}

  private final Map<String, String> experiments = new LinkedHashMap<>();
  private final Map<String, MutableRun> runs = new LinkedHashMap<>();
  private final List<String> refused = new ArrayList<>();
  private int ids;

  private FakeMlflowServer() {}

  public static FakeMlflowServer start() {
    return new FakeMlflowServer();
  }

  /** Every run logged so far, in the order made. */
  public synchronized List<Run> runs() {
    List<Run> out = new ArrayList<>();
    for (MutableRun r : runs.values()) {
      Map<String, List<Double>> metrics = new LinkedHashMap<>();
      r.metrics.forEach((k, v) -> metrics.put(k, List.copyOf(v)));
      out.add(new Run(r.id, experiments.get(r.experimentId), r.name, Map.copyOf(r.tags), Map.copyOf(r.params),
          Map.copyOf(metrics), r.status, r.endTime, Map.copyOf(r.artifacts)));
    }
    return out;
  }

  /** The messages of every request refused for not following MLflow's API, in order. */
  public synchronized List<String> refused() {
    return List.copyOf(refused);
  }

  @Override
  JsonNode handle(String method, String path, Map<String, String> query, String contentType, byte[] body) {
    try {
      return answer(method, path, query, body);
    } catch (Answer a) {
      if (a.status == 400 || a.body.path("error_code").asString("").equals("ENDPOINT_NOT_FOUND")) {
        refused.add(method + " " + path + ": " + a.body.path("message").asString());
      }
      throw a;
    }
  }

  private JsonNode answer(String method, String path, Map<String, String> query, byte[] body) {
    if (path.startsWith(ARTIFACTS) && method.equals("PUT")) {
      String artifact = path.substring(ARTIFACTS.length());
      String[] parts = artifact.split("/", 4);
      if (parts.length < 4 || !parts[2].equals("artifacts") || !runs.containsKey(parts[1])) {
        throw mlflow(404, "RESOURCE_DOES_NOT_EXIST", "no run's artifact folder at " + artifact);
      }
      runs.get(parts[1]).artifacts.put(parts[3], body.clone());
      return object();
    }
    MlflowApi.Endpoint endpoint = path.startsWith(API) ? MlflowApi.endpoint(method, path.substring(API.length())) : null;
    if (endpoint == null) {
      throw mlflow(404, "ENDPOINT_NOT_FOUND", "No API endpoint found for " + method + " " + path);
    }
    JsonNode request;
    if (method.equals("GET")) {
      ObjectNode q = object();
      query.forEach(q::put);
      request = q;
    } else {
      request = json(body);
    }
    String wrong = MlflowApi.check(endpoint.message(), request, endpoint.message());
    if (wrong != null) {
      throw mlflow(400, "INVALID_PARAMETER_VALUE", wrong);
    }
    return switch (endpoint.message()) {
      case "GetExperimentByName" -> experimentByName(request.get("experiment_name").asString());
      case "CreateExperiment" -> createExperiment(request.get("name").asString());
      case "CreateRun" -> createRun(request);
      case "UpdateRun" -> {
        MutableRun r = run(request);
        if (request.has("status")) {
          r.status = request.get("status").asString();
        }
        if (request.has("end_time")) {
          r.endTime = request.get("end_time").asLong();
        }
        yield object().set("run_info", r.info());
      }
      case "LogMetric" -> {
        run(request).metric(request.get("key").asString(), request.get("value").asDouble());
        yield object();
      }
      case "LogParam" -> {
        run(request).param(request.get("key").asString(), request.get("value").asString());
        yield object();
      }
      case "SetTag" -> {
        run(request).tags.put(request.get("key").asString(), request.get("value").asString());
        yield object();
      }
      case "LogBatch" -> logBatch(request);
      case "GetRun" -> object().set("run", run(request).json());
      case "SearchRuns" -> searchRuns(request);
      default -> throw new IllegalStateException(endpoint.message());
    };
  }

  private JsonNode experimentByName(String name) {
    for (Map.Entry<String, String> e : experiments.entrySet()) {
      if (e.getValue().equals(name)) {
        ObjectNode x = object().put("experiment_id", e.getKey()).put("name", name)
            .put("artifact_location", "mlflow-artifacts:/" + e.getKey()).put("lifecycle_stage", "active");
        return object().set("experiment", x);
      }
    }
    throw mlflow(404, "RESOURCE_DOES_NOT_EXIST", "Could not find experiment with name '" + name + "'");
  }

  private JsonNode createExperiment(String name) {
    if (name.isEmpty()) {
      throw mlflow(400, "INVALID_PARAMETER_VALUE", "Invalid experiment name: ''");
    }
    if (experiments.containsValue(name)) {
      throw mlflow(400, "RESOURCE_ALREADY_EXISTS", "Experiment '" + name + "' already exists.");
    }
    String id = String.valueOf(++ids);
    experiments.put(id, name);
    return object().put("experiment_id", id);
  }

  private JsonNode createRun(JsonNode request) {
    String experimentId = request.path("experiment_id").asString("0");
    if (!experiments.containsKey(experimentId)) {
      throw mlflow(404, "RESOURCE_DOES_NOT_EXIST", "No Experiment with id=" + experimentId + " exists");
    }
    MutableRun r = new MutableRun(String.format("%032x", ++ids), experimentId, request.path("run_name").asString(""));
    for (JsonNode t : request.path("tags")) {
      r.tags.put(t.path("key").asString(), t.path("value").asString());
    }
    runs.put(r.id, r);
    return object().set("run", r.json());
  }

  /** Runs of the experiments whose tag has a value: the one filter kfp4j writes, {@code tags.KEY = 'VALUE'}. */
  private JsonNode searchRuns(JsonNode request) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("tags\\.([\\w.-]+) = '((?:[^'\\\\]|\\\\.)*)'")
        .matcher(request.path("filter").asString(""));
    if (!m.matches()) {
      throw mlflow(501, "NOT_IMPLEMENTED", "the fake MLflow server searches by one tag only, tags.KEY = 'VALUE'; not "
          + request.path("filter"));
    }
    String value = m.group(2).replaceAll("\\\\(.)", "$1");
    List<String> experimentIds = new ArrayList<>();
    request.path("experiment_ids").forEach(e -> experimentIds.add(e.asString()));
    ObjectNode out = object();
    ArrayNode found = out.putArray("runs");
    for (MutableRun r : runs.values()) {
      if (experimentIds.contains(r.experimentId) && value.equals(r.tags.get(m.group(1)))) {
        found.add(r.json());
      }
    }
    return out;
  }

  private JsonNode logBatch(JsonNode request) {
    MutableRun r = run(request);
    for (JsonNode p : request.path("params")) {
      r.param(p.path("key").asString(), p.path("value").asString());
    }
    for (JsonNode m : request.path("metrics")) {
      r.metric(m.path("key").asString(), m.path("value").asDouble());
    }
    for (JsonNode t : request.path("tags")) {
      r.tags.put(t.path("key").asString(), t.path("value").asString());
    }
    return object();
  }

  /** The run {@code run_id} (or the older {@code run_uuid}) names. */
  private MutableRun run(JsonNode request) {
    String id = request.path("run_id").asString(request.path("run_uuid").asString(""));
    if (id.isEmpty()) {
      throw mlflow(400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'run_id'");
    }
    MutableRun r = runs.get(id);
    if (r == null) {
      throw mlflow(404, "RESOURCE_DOES_NOT_EXIST", "Run with id=" + id + " not found");
    }
    return r;
  }

  private Answer mlflow(int status, String code, String message) {
    return new Answer(status, object().put("error_code", code).put("message", message));
  }

  @Override
  JsonNode error(int status, String message) {
    return object().put("error_code", status == 401 ? "UNAUTHENTICATED" : "INTERNAL_ERROR").put("message", message);
  }

  private final class MutableRun {
    final String id;
    final String experimentId;
    final String name;
    final Map<String, String> tags = new LinkedHashMap<>();
    final Map<String, String> params = new LinkedHashMap<>();
    final Map<String, List<Double>> metrics = new LinkedHashMap<>();
    final Map<String, byte[]> artifacts = new LinkedHashMap<>();
    String status = "RUNNING";
    long endTime;

    MutableRun(String id, String experimentId, String name) {
      this.id = id;
      this.experimentId = experimentId;
      this.name = name;
    }

    void param(String key, String value) {
      String old = params.putIfAbsent(key, value);
      if (old != null && !old.equals(value)) {
        params.put(key, old);
        throw mlflow(400, "INVALID_PARAMETER_VALUE", "Changing param values is not allowed. Param with key='" + key
            + "' was already logged with value='" + old + "' for run ID='" + id + "'. Attempted logging new value '" + value + "'.");
      }
    }

    void metric(String key, double value) {
      metrics.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    ObjectNode info() {
      return object().put("run_id", id).put("run_uuid", id).put("experiment_id", experimentId).put("run_name", name)
          .put("status", status).put("artifact_uri", "mlflow-artifacts:/" + experimentId + "/" + id + "/artifacts")
          .put("lifecycle_stage", "active");
    }

    ObjectNode json() {
      ObjectNode data = object();
      ArrayNode m = data.putArray("metrics");
      metrics.forEach((k, v) -> m.addObject().put("key", k).put("value", v.get(v.size() - 1)).put("timestamp", 0).put("step", 0));
      ArrayNode p = data.putArray("params");
      params.forEach((k, v) -> p.addObject().put("key", k).put("value", v));
      ArrayNode t = data.putArray("tags");
      tags.forEach((k, v) -> t.addObject().put("key", k).put("value", v));
      ObjectNode run = object();
      run.set("info", info());
      run.set("data", data);
      return run;
    }
  }
}
