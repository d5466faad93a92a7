package dev.kfp4j.mlflow;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * The calls kfp4j makes to a tracking server's REST API ({@code /api/2.0/mlflow/...}, the endpoints and JSON MLflow's
 * Python client sends), on the JDK's HTTP client, so that every call is bounded: reaching the server and each request
 * wait at most {@link Servers#timeout()} ({@code MLFLOW_HTTP_REQUEST_TIMEOUT}, default 120 s); a refusal (a 4xx but 408,
 * 429 and a 413 with a {@code Retry-After}) is thrown at once, sent once; a call not answered, or answered that the server is busy or failing, is sent again
 * as MLflow's Python client sends it again, as often and after the waits MLflow's variables say ({@link Retries}, {@link
 * Resender}). MLflow's Java client set no timeout, so a server that took the connection and never answered held the caller
 * forever, and sent every refused request three times.
 *
 * <p>Failures are thrown as kfp4j's own unchecked exceptions: a refusal a {@link MlflowHttpException} with the status,
 * MLflow's error code and message ({@link Failures#refusal}); a server not reached, or not answering in time, a {@link
 * MlflowException} whose cause says which ({@link Failures#of}).
 */
final class TrackingApi {
  private final Servers server;
  private final String base;
  private final Resender resender;
  private HttpClient http;

  TrackingApi(Servers server) {
    this(server, Resender.system());
  }

  /** Waiting and resending as {@code resender} does. */
  TrackingApi(Servers server, Resender resender) {
    this.server = server;
    this.base = server.uri().replaceAll("/+$", "") + "/api/2.0/mlflow/";
    this.resender = resender;
  }

  /** {@code random}: the jitter's fraction of each backoff, in [0, 1); {@code clock}: now, for a {@code Retry-After} date. */
  TrackingApi(Servers server, Resender.Pause pause, DoubleSupplier random, Clock clock) {
    this(server, new Resender(pause, random, clock));
  }

  /** The id of the experiment named {@code name}, or empty when there is none. */
  Optional<String> experimentId(String name) {
    try {
      return Optional.of(string(get("experiments/get-by-name", "experiment_name", name), "experiment", "experiment_id"));
    } catch (MlflowHttpException e) {
      if (e.getStatusCode() == 404 && e.getErrorCode().equals("RESOURCE_DOES_NOT_EXIST")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  String createExperiment(String name) {
    return string(post("experiments/create", object("name", name)), "experiment_id");
  }

  /** Starts a run in {@code experimentId} now, named {@code name}, with {@code tags}; its id. */
  String createRun(String experimentId, String name, List<Map.Entry<String, String>> tags) {
    Map<String, Object> request = object("experiment_id", experimentId, "run_name", name, "start_time", System.currentTimeMillis(),
        "tags", pairs(tags));
    return string(post("runs/create", request), "run", "info", "run_id");
  }

  void logParams(String runId, List<Map.Entry<String, String>> params) {
    post("runs/log-batch", object("run_id", runId, "params", pairs(params)));
  }

  void logParam(String runId, String key, String value) {
    post("runs/log-parameter", object("run_id", runId, "key", key, "value", value));
  }

  void logMetric(String runId, String key, double value, long step) {
    post("runs/log-metric", object("run_id", runId, "key", key, "value", value, "timestamp", System.currentTimeMillis(), "step", step));
  }

  void setTag(String runId, String key, String value) {
    post("runs/set-tag", object("run_id", runId, "key", key, "value", value));
  }

  /** Ends the run with {@code status} ({@code FINISHED}, {@code FAILED}) now. */
  void end(String runId, String status) {
    post("runs/update", object("run_id", runId, "status", status, "end_time", System.currentTimeMillis()));
  }

  /** Where the run's artifacts go. */
  String artifactUri(String runId) {
    return string(get("runs/get", "run_id", runId), "run", "info", "artifact_uri");
  }

  /** The id of the first active run of {@code experimentId} that {@code filter} takes, or empty. */
  Optional<String> findRun(String experimentId, String filter) {
    Map<String, Object> request = object("filter", filter, "run_view_type", "ACTIVE_ONLY", "max_results", 1,
        "experiment_ids", List.of(experimentId));
    Object first = JsonValues.first(JsonValues.path(post("runs/search", request), "runs"));
    return first == null ? Optional.empty() : Optional.of(string(first, "info", "run_id"));
  }

  private Object get(String endpoint, String name, String value) {
    return send(HttpRequest.newBuilder(URI.create(base + endpoint + "?" + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)))
        .GET());
  }

  private Object post(String endpoint, Map<String, Object> body) {
    return send(HttpRequest.newBuilder(URI.create(base + endpoint)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JsonValues.write(body), StandardCharsets.UTF_8)));
  }

  private Object send(HttpRequest.Builder request) {
    Duration timeout;
    try {
      timeout = server.timeout();
      server.retries().checked();
    } catch (IllegalArgumentException badSetting) {
      throw new MlflowException(badSetting.getMessage(), badSetting);
    }
    if (server.authorization() != null) {
      request.header("Authorization", server.authorization());
    }
    HttpRequest built = request.timeout(timeout).build();
    HttpResponse<String> response;
    try {
      response = resender.send(server.retries(), () -> client(timeout).send(built, HttpResponse.BodyHandlers.ofString()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MlflowException("interrupted while calling the tracking server " + server, e);
    } catch (IOException e) {
      throw new MlflowException(Failures.ofCall(e, server), e);
    }
    int status = response.statusCode();
    if (status / 100 != 2) {
      throw Failures.refusal(server, status, response.body());
    }
    return json(status, response.body());
  }

  /** An answer's body, which MLflow's server writes as JSON; a proxy's or another server's page is not. */
  private Object json(int status, String body) {
    try {
      return body.isBlank() ? Map.of() : JsonValues.parse(body);
    } catch (IllegalArgumentException e) {
      throw new MlflowException("the tracking server " + server + " answered " + status + " with no MLflow JSON; is it an"
          + " MLflow tracking server (mlflow.tracking_uri in kfp4j.yaml, else " + Mlflow.TRACKING_URI_ENV + ")?", e);
    }
  }

  /** One client, so one connection, for the calls of this object (HTTP/1.1, which MLflow's server speaks). */
  private synchronized HttpClient client(Duration timeout) {
    if (http == null) {
      http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout).build();
    }
    return http;
  }

  /** The text at {@code names} in an answer, "" when it has none. */
  private static String string(Object answer, String... names) {
    return JsonValues.string(JsonValues.path(answer, names), "");
  }

  private static List<Object> pairs(List<Map.Entry<String, String>> pairs) {
    List<Object> array = new ArrayList<>();
    for (Map.Entry<String, String> p : pairs) {
      array.add(object("key", p.getKey(), "value", p.getValue()));
    }
    return array;
  }

  /** A request body: its members as names and values, in order. */
  private static Map<String, Object> object(Object... namesAndValues) {
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      body.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return body;
  }
}
