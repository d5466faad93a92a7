package dev.kfp4j.testing.server;

import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The part of MLflow's tracking REST API ({@code mlflow/protos/service.proto}, served under {@code
 * /api/2.0}) that kfp4j uses, as data: each endpoint's method, path and request message, each
 * message's fields with their protobuf type and MLflow's {@code validate_required}. {@link
 * #check} holds a request to it as MLflow's server does when it parses a request into the message:
 * unknown fields, values of the wrong JSON type and missing required fields are refused.
 */
final class MlflowApi {
  /** A field: its protobuf type ({@code string}, {@code int64}, {@code double}, {@code RunStatus}, or a message), repeated, required. */
  record Field(String type, boolean repeated, boolean required) {}

  /** An endpoint and the message its request is. */
  record Endpoint(String method, String path, String message) {}

  static final List<Endpoint> ENDPOINTS = List.of(
      new Endpoint("GET", "/mlflow/experiments/get-by-name", "GetExperimentByName"),
      new Endpoint("POST", "/mlflow/experiments/create", "CreateExperiment"),
      new Endpoint("POST", "/mlflow/runs/create", "CreateRun"),
      new Endpoint("POST", "/mlflow/runs/update", "UpdateRun"),
      new Endpoint("POST", "/mlflow/runs/log-metric", "LogMetric"),
      new Endpoint("POST", "/mlflow/runs/log-parameter", "LogParam"),
      new Endpoint("POST", "/mlflow/runs/set-tag", "SetTag"),
      new Endpoint("POST", "/mlflow/runs/log-batch", "LogBatch"),
      new Endpoint("GET", "/mlflow/runs/get", "GetRun"),
      new Endpoint("POST", "/mlflow/runs/search", "SearchRuns"));

  private static Field s() {
    return new Field("string", false, false);
  }

  private static Field required(String type) {
    return new Field(type, false, true);
  }

  static final Map<String, Map<String, Field>> MESSAGES = Map.ofEntries(
      Map.entry("GetExperimentByName", Map.of("experiment_name", required("string"))),
      Map.entry("CreateExperiment", Map.of("name", required("string"), "artifact_location", s(),
          "tags", new Field("ExperimentTag", true, false))),
      Map.entry("CreateRun", Map.of("experiment_id", s(), "user_id", s(), "run_name", s(),
          "start_time", new Field("int64", false, false), "tags", new Field("RunTag", true, false))),
      Map.entry("UpdateRun", Map.of("run_id", s(), "run_uuid", s(), "status", new Field("RunStatus", false, false),
          "end_time", new Field("int64", false, false), "run_name", s())),
      Map.entry("LogMetric", Map.of("run_id", s(), "run_uuid", s(), "key", required("string"), "value", required("double"),
          "timestamp", required("int64"), "step", new Field("int64", false, false))),
      Map.entry("LogParam", Map.of("run_id", s(), "run_uuid", s(), "key", required("string"), "value", required("string"))),
      Map.entry("SetTag", Map.of("run_id", s(), "run_uuid", s(), "key", required("string"), "value", required("string"))),
      Map.entry("LogBatch", Map.of("run_id", s(), "metrics", new Field("Metric", true, false),
          "params", new Field("Param", true, false), "tags", new Field("RunTag", true, false))),
      Map.entry("GetRun", Map.of("run_id", s(), "run_uuid", s())),
      Map.entry("SearchRuns", Map.of("experiment_ids", new Field("string", true, false), "filter", s(),
          "run_view_type", new Field("ViewType", false, false), "max_results", new Field("int32", false, false),
          "order_by", new Field("string", true, false), "page_token", s())),
      Map.entry("ExperimentTag", Map.of("key", s(), "value", s())),
      Map.entry("RunTag", Map.of("key", s(), "value", s())),
      Map.entry("Param", Map.of("key", s(), "value", s())),
      Map.entry("Metric", Map.of("key", s(), "value", new Field("double", false, false),
          "timestamp", new Field("int64", false, false), "step", new Field("int64", false, false))));

  static final Map<String, Set<String>> ENUMS = Map.of(
      "RunStatus", Set.of("RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED"),
      "ViewType", Set.of("ACTIVE_ONLY", "DELETED_ONLY", "ALL"));

  private MlflowApi() {}

  /** The endpoint of {@code method} and {@code path} (after {@code /api/2.0}), or null. */
  static Endpoint endpoint(String method, String path) {
    for (Endpoint e : ENDPOINTS) {
      if (e.method().equals(method) && e.path().equals(path)) {
        return e;
      }
    }
    return null;
  }

  /** What is wrong with {@code json} as {@code message}, or null when nothing is. */
  static String check(String message, JsonNode json, String where) {
    if (!json.isObject()) {
      return where + ": expected a JSON object";
    }
    Map<String, Field> fields = MESSAGES.get(message);
    for (String name : json.propertyNames()) {
      Field f = fields.get(name);
      if (f == null) {
        return where + ": " + message + " has no field '" + name + "'; its fields are " + new java.util.TreeSet<>(fields.keySet());
      }
      JsonNode v = json.get(name);
      if (f.repeated()) {
        if (!v.isArray()) {
          return where + "." + name + ": expected a list";
        }
        for (int i = 0; i < v.size(); i++) {
          String wrong = value(f.type(), v.get(i), where + "." + name + "[" + i + "]");
          if (wrong != null) {
            return wrong;
          }
        }
      } else {
        String wrong = value(f.type(), v, where + "." + name);
        if (wrong != null) {
          return wrong;
        }
      }
    }
    for (Map.Entry<String, Field> f : fields.entrySet()) {
      if (f.getValue().required() && (!json.has(f.getKey()) || json.get(f.getKey()).isNull())) {
        return "Missing value for required parameter '" + f.getKey() + "'";
      }
    }
    return null;
  }

  private static String value(String type, JsonNode v, String where) {
    boolean ok = switch (type) {
      case "string" -> v.isString();
      case "int64", "int32" -> v.isIntegralNumber() || (v.isString() && v.asString().matches("-?\\d+"));
      case "double" -> v.isNumber() || (v.isString() && Set.of("NaN", "Infinity", "-Infinity").contains(v.asString()));
      default -> true;
    };
    if (!ok) {
      return where + ": expected " + type + ", got " + v;
    }
    if (ENUMS.containsKey(type)) {
      return v.isString() && ENUMS.get(type).contains(v.asString()) ? null : where + ": " + v + " is not a " + type + " " + new java.util.TreeSet<>(ENUMS.get(type));
    }
    if (MESSAGES.containsKey(type)) {
      return check(type, v, where);
    }
    return null;
  }
}
