package dev.kfp4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.kfp4j.testing.server.FakeMlflowServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every call to the tracking server is bounded: MLflow's Java client set no timeout, so a server that took the connection
 * and never answered held a component (or a step) forever, and it sent a refused request three times. The bounds of a
 * minute only end the tests on the old code.
 */
class TrackingApiTest {
  private final FakeMlflowServer server = FakeMlflowServer.start();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private static String noAnswer(String uri) {
    return "the tracking server " + uri + " took the request but did not answer within 1 s (MLFLOW_HTTP_REQUEST_TIMEOUT, and a second"
        + " more for each MiB uploaded); check that it is an MLflow tracking server that is up and not overloaded, or raise"
        + " MLFLOW_HTTP_REQUEST_TIMEOUT";
  }

  @Test
  void aComponentsMetricToAServerThatNeverAnswersFailsSayingSo() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      MlflowRun run = Mlflow.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", silent.uri(), "MLFLOW_RUN_ID", "r1",
          "MLFLOW_TRACKING_TOKEN", "s3cret-t0ken", "MLFLOW_HTTP_REQUEST_TIMEOUT", "1")::get);
      MlflowException e = assertThrows(MlflowException.class,
          () -> assertTimeoutPreemptively(Duration.ofMinutes(1), () -> run.logMetric("auc", 0.9)));
      assertEquals(noAnswer(silent.uri()), e.getMessage());
      assertFalse(silent.held.isEmpty(), "the call reached the server");
    }
  }

  @Test
  void aMetricsStepToAServerThatNeverAnswersFailsInOneLine() throws Exception {
    Path metrics = Files.writeString(dir.resolve("metrics.json"), "{\"metrics\": [{\"name\": \"f1\", \"numberValue\": 0.8}]}");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try (SilentServer silent = new SilentServer()) {
      int code = assertTimeoutPreemptively(Duration.ofMinutes(1), () -> MlflowSteps.run(new String[] {"mlflow-log-metrics",
          "--metrics", metrics.toString(), "--run-id", "r1"}, Map.of("MLFLOW_TRACKING_URI", silent.uri(),
          "MLFLOW_HTTP_REQUEST_TIMEOUT", "1")::get, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8)));
      assertEquals(MlflowSteps.FAILED, code);
      assertEquals("mlflow: " + noAnswer(silent.uri()) + "\n", err.toString(StandardCharsets.UTF_8));
    }
  }

  /** A refusal is final: MLflow's Java client sent it three times in all. */
  @Test
  void aRefusedCallIsSentOnce() {
    server.requireBearer("s3cret-t0ken");
    MlflowRun run = new MlflowRun(new Servers(server.uri().toString(), "wr0ng-t0ken", null, null), "r1");
    MlflowHttpException e = assertThrows(MlflowHttpException.class, () -> run.setTag("stage", "train"));
    assertEquals(401, e.getStatusCode());
    assertEquals(1, server.requests().size(), server.requests().toString());
  }

  /** A server or proxy not ready (503) is asked again, as MLflow's Python client asks, so the metric is logged once. */
  @Test
  void aBusyServerIsAskedAgain() throws Exception {
    TrackingApi api = new TrackingApi(new Servers(server.uri().toString(), null, null, null), Duration.ofMillis(10));
    String experiment = api.createExperiment("churn");
    String id = api.createRun(experiment, "train-k1", List.of(Map.entry(MlflowSteps.RUN_ID_TAG, "k1")));
    server.failNextAt("POST", "/api/2.0/mlflow/runs/log-metric", 503, "upstream not ready");
    api.logMetric(id, "auc", 0.9, 0);
    assertEquals(Map.of("auc", List.of(0.9)), server.runs().get(0).metrics());
    assertEquals(2, server.requests().stream().filter(r -> r.path().endsWith("/log-metric")).count());
  }

  /** A loopback server that answers every request with {@code status} and {@code body}, counting them in {@code asked}. */
  private static com.sun.net.httpserver.HttpServer answering(int status, String body, AtomicInteger asked) throws IOException {
    com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", x -> {
      asked.incrementAndGet();
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
      x.getResponseBody().write(bytes);
      x.close();
    });
    http.start();
    return http;
  }

  /** ... a bounded number of times: a server that keeps failing fails the call after three more tries, with its status. */
  @Test
  void aServerThatKeepsFailingIsAskedThreeMoreTimes() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    com.sun.net.httpserver.HttpServer failing = answering(503, "", asked);
    try {
      String uri = "http://127.0.0.1:" + failing.getAddress().getPort();
      TrackingApi api = new TrackingApi(new Servers(uri, null, null, null), Duration.ofMillis(10));
      MlflowHttpException e = assertThrows(MlflowHttpException.class, () -> api.setTag("r1", "stage", "train"));
      assertEquals(503, e.getStatusCode());
      assertEquals("the tracking server " + uri + " answered 503; the server or a proxy in front of it is not ready, try again",
          Failures.of(e, new Servers(uri, null, null, null)));
    } finally {
      failing.stop(0);
    }
    assertEquals(4, asked.get());
  }

  /** A server that is not MLflow's (a web page where JSON was expected) is named as such, on one line. */
  @Test
  void aServerThatAnswersAPageIsAskedWhetherItIsMlflow() throws Exception {
    com.sun.net.httpserver.HttpServer web = answering(200, "<html><body>Welcome</body></html>", new AtomicInteger());
    try {
      String uri = "http://127.0.0.1:" + web.getAddress().getPort();
      MlflowRun run = new MlflowRun(new Servers(uri, "s3cret-t0ken", null, null), "r1");
      MlflowException e = assertThrows(MlflowException.class, () -> run.logArtifact(dir, null));
      assertEquals("the tracking server " + uri + " answered 200 with no MLflow JSON; is it an MLflow tracking server"
          + " (mlflow.tracking_uri in kfp4j.yaml, else MLFLOW_TRACKING_URI)?", e.getMessage());
    } finally {
      web.stop(0);
    }
  }
}
