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
    return "the tracking server " + uri + " took the request but did not answer within 1 s (MLFLOW_HTTP_REQUEST_TIMEOUT); check"
        + " that it is an MLflow tracking server that is up and not overloaded, or raise MLFLOW_HTTP_REQUEST_TIMEOUT";
  }

  @Test
  void aComponentsMetricToAServerThatNeverAnswersFailsSayingSo() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      MlflowRun run = Mlflow.fromEnvironment(Map.of("MLFLOW_TRACKING_URI", silent.uri(), "MLFLOW_RUN_ID", "r1",
          "MLFLOW_TRACKING_TOKEN", "s3cret-t0ken", "MLFLOW_HTTP_REQUEST_TIMEOUT", "1", Retries.MAX_RETRIES_ENV, "0")::get);
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
          "MLFLOW_HTTP_REQUEST_TIMEOUT", "1", Retries.MAX_RETRIES_ENV, "0")::get, new PrintStream(new ByteArrayOutputStream()),
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
    TrackingApi api = new TrackingApi(new Servers(server.uri().toString(), null, null, null), waits::add, () -> 0.5, CLOCK);
    String experiment = api.createExperiment("churn");
    String id = api.createRun(experiment, "train-k1", List.of(Map.entry(MlflowSteps.RUN_ID_TAG, "k1")));
    server.failNextAt("POST", "/api/2.0/mlflow/runs/log-metric", 503, "upstream not ready");
    api.logMetric(id, "auc", 0.9, 0);
    assertEquals(Map.of("auc", List.of(0.9)), server.runs().get(0).metrics());
    assertEquals(2, server.requests().stream().filter(r -> r.path().endsWith("/log-metric")).count());
    assertEquals(List.of(Duration.ZERO), waits, "the first resend goes at once, as urllib3's");
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

  /**
   * ... as often, and after the waits, MLflow's Python client takes (MLFLOW_HTTP_REQUEST_MAX_RETRIES 7,
   * MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR 2, MLFLOW_HTTP_REQUEST_BACKOFF_JITTER 1.0, urllib3's 120 s at most): a server that
   * keeps failing fails the call after seven more tries, with its status. kfp4j sent it three more times, after 1, 2, 4 s.
   */
  @Test
  void aServerThatKeepsFailingIsAskedAsOftenAsMlflowAsksIt() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    com.sun.net.httpserver.HttpServer failing = answering(503, "", asked);
    try {
      String uri = "http://127.0.0.1:" + failing.getAddress().getPort();
      TrackingApi api = new TrackingApi(new Servers(uri, null, null, null), waits::add, () -> 0.5, CLOCK);
      MlflowHttpException e = assertThrows(MlflowHttpException.class, () -> api.setTag("r1", "stage", "train"));
      assertEquals(503, e.getStatusCode());
      assertEquals("the tracking server " + uri + " answered 503; the server or a proxy in front of it is not ready, try again",
          Failures.of(e, new Servers(uri, null, null, null)));
    } finally {
      failing.stop(0);
    }
    assertEquals(8, asked.get());
    assertEquals(List.of(0.0, 4.5, 8.5, 16.5, 32.5, 64.5, 120.0), seconds(waits));
  }

  /** MLflow's variables, read as MLflow reads them: fewer tries, a smaller factor, no jitter. */
  @Test
  void mlflowsVariablesSayHowOftenAndAfterHowLong() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    com.sun.net.httpserver.HttpServer failing = answering(502, "", asked);
    try {
      String uri = "http://127.0.0.1:" + failing.getAddress().getPort();
      Servers servers = Servers.of(uri, Map.of(Retries.MAX_RETRIES_ENV, "3", Retries.BACKOFF_FACTOR_ENV, "1",
          Retries.BACKOFF_JITTER_ENV, "0")::get);
      TrackingApi api = new TrackingApi(servers, waits::add, () -> 0.5, CLOCK);
      assertEquals(502, assertThrows(MlflowHttpException.class, () -> api.setTag("r1", "stage", "train")).getStatusCode());
      assertEquals(4, asked.get());
      assertEquals(List.of(0.0, 2.0, 4.0), seconds(waits));

      waits.clear();
      TrackingApi once = new TrackingApi(Servers.of(uri, Map.of(Retries.MAX_RETRIES_ENV, "0")::get), waits::add, () -> 0.5, CLOCK);
      assertThrows(MlflowHttpException.class, () -> once.setTag("r1", "stage", "train"));
      assertEquals(5, asked.get(), "0: sent once");
      assertEquals(List.of(), waits);
    } finally {
      failing.stop(0);
    }
  }

  /** A value MLflow would refuse fails the call saying what to give, before anything is sent. */
  @Test
  void aVariableWrittenWrongFailsTheCallSayingWhatToGive() throws Exception {
    AtomicInteger asked = new AtomicInteger();
    com.sun.net.httpserver.HttpServer failing = answering(503, "", asked);
    try {
      String uri = "http://127.0.0.1:" + failing.getAddress().getPort();
      Map<String, String> wrong = Map.of(Retries.MAX_RETRIES_ENV, "10", Retries.BACKOFF_FACTOR_ENV, "2.5",
          Retries.BACKOFF_JITTER_ENV, "a little");
      List<String> said = new java.util.ArrayList<>();
      for (Map.Entry<String, String> e : wrong.entrySet()) {
        TrackingApi api = new TrackingApi(Servers.of(uri, Map.of(e.getKey(), e.getValue())::get), waits::add, () -> 0.5, CLOCK);
        said.add(assertThrows(MlflowException.class, () -> api.setTag("r1", "stage", "train")).getMessage());
      }
      assertEquals(List.of(
          "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR is '2.5'; give a whole number from 0 to 119, such as 2 (MLflow's default)",
          "MLFLOW_HTTP_REQUEST_BACKOFF_JITTER is 'a little'; give a number of seconds from 0 to 120, such as 1.0 (MLflow's default)",
          "MLFLOW_HTTP_REQUEST_MAX_RETRIES is '10'; give a whole number from 0 to 9, such as 7 (MLflow's default)"),
          said.stream().sorted().toList());
    } finally {
      failing.stop(0);
    }
    assertEquals(0, asked.get());
  }

  /**
   * An answer sent again with a {@code Retry-After} waits what it says, in seconds or until an HTTP date, as urllib3 waits,
   * whatever the status, six hours at most, as urllib3's {@code DEFAULT_RETRY_AFTER_MAX} (was 120 s at most); when it asks
   * for no wait (a date past), the backoff applies. (One written as neither ends the call: ResendTest.)
   */
  @Test
  void retryAfterIsTakenBounded() throws Exception {
    List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.Queue<String[]> answers = new java.util.concurrent.ConcurrentLinkedQueue<>(List.of(
        new String[] {"429", "7"}, new String[] {"503", "Mon, 07 Dec 2026 09:00:30 GMT"}, new String[] {"429", "3600"},
        new String[] {"429", "99999999999999999999"}, new String[] {"503", "Tue, 08 Dec 2026 09:00:00 GMT"},
        new String[] {"503", "Monday, 07-Dec-26 08:59:00 GMT"}, new String[] {"500", "5"},
        new String[] {"503", "Mon Dec  7 09:00:09 2026"}));
    com.sun.net.httpserver.HttpServer http = com.sun.net.httpserver.HttpServer.create(
        new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", x -> {
      asked.add(x.getRequestURI().getPath());
      String[] answer = answers.poll();
      if (answer != null) {
        x.getResponseHeaders().set("Retry-After", answer[1]);
      }
      x.sendResponseHeaders(answer == null ? 200 : Integer.parseInt(answer[0]), -1);
      x.close();
    });
    http.start();
    try {
      Servers servers = Servers.of("http://127.0.0.1:" + http.getAddress().getPort(),
          Map.of(Retries.BACKOFF_JITTER_ENV, "0", Retries.MAX_RETRIES_ENV, "9")::get);
      new TrackingApi(servers, waits::add, () -> 0.5, CLOCK).setTag("r1", "stage", "train");
    } finally {
      http.stop(0);
    }
    assertEquals(9, asked.size(), asked.toString());
    // 7 s; until 09:00:30; an hour, taken (was bounded to 120 s); more seconds than a long holds, and a day ahead: six hours;
    // a date past: the 6th backoff, 2 × 2^5; a 500's taken too: 5 s; asctime's date
    assertEquals(List.of(7.0, 30.0, 3600.0, 21600.0, 21600.0, 64.0, 5.0, 9.0), seconds(waits));
  }

  private static final java.time.Clock CLOCK = java.time.Clock.fixed(java.time.Instant.parse("2026-12-07T09:00:00Z"),
      java.time.ZoneOffset.UTC);
  /** The waits a TrackingApi asked for, in order. */
  private final List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();

  private static List<Double> seconds(List<Duration> waits) {
    return waits.stream().map(w -> w.toMillis() / 1000.0).toList();
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
