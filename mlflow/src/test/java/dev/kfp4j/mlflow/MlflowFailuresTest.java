package dev.kfp4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.kfp4j.testing.server.FakeMlflowServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tracking server that refuses: the step or the upload says the server, the status, the server's own message and what
 * to check, on one line, and never the credentials sent, even where the server echoes them. MLflow's Java client said
 * "MlflowHttpException: statusCode=401 reasonPhrase=[Unauthorized] bodyMessage=[...]", the body as it came.
 */
class MlflowFailuresTest {
  private final FakeMlflowServer server = FakeMlflowServer.start();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  @TempDir Path dir;

  @AfterEach
  void stop() {
    server.close();
  }

  private int startRun(Map<String, String> env) {
    return MlflowSteps.run(new String[] {"mlflow-start-run", "--tracking-uri", server.uri().toString(), "--experiment", "churn",
        "--pipeline", "train", "--kubeflow-run-id", "k1", "--run-id-file", dir.resolve("run-id").toString()}, env::get,
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aRefusedStepSaysTheStatusTheServersMessageAndWhatToCheck() {
    server.requireBearer("s3cret-t0ken");
    assertEquals(MlflowSteps.FAILED, startRun(Map.of("MLFLOW_TRACKING_TOKEN", "wr0ng-t0ken")));
    assertEquals("mlflow: the tracking server " + server.uri() + " answered 401: UNAUTHENTICATED: Unauthenticated: no valid "
        + "credential; check MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, where the step runs\n",
        err.toString(StandardCharsets.UTF_8));
  }

  /** A server that answers every request with {@code answer}: a status and a body. */
  private static HttpServer answering(String[] answer) throws IOException {
    HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    proxy.createContext("/", x -> {
      byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
      x.getResponseHeaders().set("Content-Type", answer[1].startsWith("{") ? "application/json" : "text/html");
      x.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
      x.getResponseBody().write(body);
      x.close();
    });
    proxy.start();
    return proxy;
  }

  /** MLflow's client logged each resend of a refused request as "(Rate limit exceeded)", with the body as it came. */
  @Test
  void mlflowsClientDoesNotLogTheRefusedBodyAsARateLimit() throws Exception {
    HttpServer proxy = answering(new String[] {"403", "{\"error_code\": \"PERMISSION_DENIED\", \"message\": \"no access for Bearer "
        + "s3cret-t0ken\"}"});
    PrintStream stderr = System.err;
    ByteArrayOutputStream logged = new ByteArrayOutputStream();
    try (MlflowRun run = new MlflowRun(new Servers("http://127.0.0.1:" + proxy.getAddress().getPort(), "s3cret-t0ken", null, null), "r1")) {
      System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
      assertThrows(MlflowHttpException.class, () -> run.setTag("a", "b"));
    } finally {
      System.setErr(stderr);
      proxy.stop(0);
    }
    assertEquals("", logged.toString(StandardCharsets.UTF_8));
  }

  @Test
  void credentialsTheServerEchoesAreNotShown() throws Exception {
    String basic = Base64.getEncoder().encodeToString("alice:pa55-w0rd".getBytes(StandardCharsets.UTF_8));
    HttpServer proxy = answering(new String[] {"403", "{\"error_code\": \"PERMISSION_DENIED\", \"message\": \"no access for 'Basic "
        + basic + "' (alice:pa55-w0rd)\"}"});
    try {
      String uri = "http://127.0.0.1:" + proxy.getAddress().getPort();
      int code = MlflowSteps.run(new String[] {"mlflow-start-run", "--experiment", "churn", "--pipeline", "train", "--kubeflow-run-id",
          "k1", "--run-id-file", dir.resolve("run-id").toString()}, Map.of("MLFLOW_TRACKING_URI", uri, "MLFLOW_TRACKING_USERNAME", "alice",
          "MLFLOW_TRACKING_PASSWORD", "pa55-w0rd")::get, new PrintStream(new ByteArrayOutputStream()),
          new PrintStream(err, true, StandardCharsets.UTF_8));
      assertEquals(MlflowSteps.FAILED, code);
      assertEquals("mlflow: the tracking server " + uri + " answered 403: PERMISSION_DENIED: no access for '***' (alice:***); "
          + "check MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, where the step runs\n",
          err.toString(StandardCharsets.UTF_8));
    } finally {
      proxy.stop(0);
    }
  }

  /** A component's own call ({@code Mlflow.logMetric}) that the server refuses: MLflow's exception, its message one clear line. */
  @Test
  void aRefusedCallFromAComponentSaysTheStatusAndMessageWithoutTheToken() throws Exception {
    HttpServer proxy = answering(new String[] {"403", "{\"error_code\": \"PERMISSION_DENIED\", \"message\": \"Bearer s3cret-t0ken may not "
        + "write run r1\"}"});
    String uri = "http://127.0.0.1:" + proxy.getAddress().getPort();
    try (MlflowRun run = new MlflowRun(new Servers(uri, "s3cret-t0ken", null, null), "r1")) {
      MlflowHttpException e = assertThrows(MlflowHttpException.class,
          () -> run.logMetric("auc", 0.9));
      assertEquals(403, e.getStatusCode());
      assertEquals("PERMISSION_DENIED", e.getErrorCode());
      assertEquals("*** may not write run r1", e.getServerMessage());
      assertEquals("the tracking server " + uri + " answered 403: PERMISSION_DENIED: *** may not write run r1; check "
          + "MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, where the step runs", e.getMessage());
      java.io.StringWriter trace = new java.io.StringWriter();
      e.printStackTrace(new java.io.PrintWriter(trace));
      assertFalse(trace.toString().contains("t0ken") || e.getServerMessage().contains("t0ken"), trace.toString());
    } finally {
      proxy.stop(0);
    }
  }

  /**
   * A component's image carries no MLflow Java client: kfp4j-mlflow brought org.mlflow:mlflow-client (an 8.6 MB jar of
   * 4,931 files, 22 MB unpacked) only for its two exception types; a refusal is kfp4j's own {@link MlflowHttpException}.
   */
  @Test
  void aComponentsClasspathCarriesNoMlflowClient() {
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.mlflow.tracking.MlflowClient"));
    assertThrows(ClassNotFoundException.class, () -> Class.forName("org.mlflow.tracking.MlflowHttpException"));
  }

  @Test
  void aRefusedUploadSaysTheServersMessageNotItsPage() throws Exception {
    String[] answer = new String[2];
    HttpServer proxy = answering(answer);
    try {
      String uri = "http://127.0.0.1:" + proxy.getAddress().getPort();
      ArtifactStore store = new ArtifactStore(Servers.of(uri, Map.of("MLFLOW_TRACKING_TOKEN", "s3cret-t0ken", Retries.MAX_RETRIES_ENV, "0")::get),
          "mlflow-artifacts:/1/r1/artifacts");
      Path report = Files.writeString(dir.resolve("report.txt"), "ok");
      answer[0] = "502";
      answer[1] = "<html>\n<head><title>502 Bad Gateway</title></head>\n<body>" + "<p>nginx</p>\n".repeat(100) + "</body></html>";
      IOException page = assertThrows(IOException.class, () -> store.upload(report, null));
      assertEquals("cannot upload artifact report.txt: the tracking server " + uri + " answered 502; the server or a proxy in front "
          + "of it is not ready, try again", page.getMessage());
      answer[0] = "403";
      answer[1] = "{\"error_code\": \"PERMISSION_DENIED\", \"message\": \"Permission denied for\\nBearer s3cret-t0ken\"}";
      IOException denied = assertThrows(IOException.class, () -> store.upload(report, "model"));
      assertEquals("cannot upload artifact model/report.txt: the tracking server " + uri + " answered 403: PERMISSION_DENIED: "
          + "Permission denied for ***; check MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD,"
          + " where the step runs", denied.getMessage());
    } finally {
      proxy.stop(0);
    }
    int port = proxy.getAddress().getPort(); // stopped: nothing listens there now
    ArtifactStore gone = new ArtifactStore(Servers.of("http://127.0.0.1:" + port, Map.of("MLFLOW_TRACKING_TOKEN", "s3cret-t0ken",
        Retries.MAX_RETRIES_ENV, "0")::get), "mlflow-artifacts:/1/r1/artifacts");
    IOException unreachable = assertThrows(IOException.class, () -> gone.upload(dir.resolve("report.txt"), null));
    assertFalse(unreachable.getMessage().contains("t0ken"), unreachable.getMessage());
    assertEquals("cannot upload artifact report.txt: cannot reach the tracking server http://127.0.0.1:" + port + ": connection refused; "
        + "check mlflow.tracking_uri in kfp4j.yaml (else MLFLOW_TRACKING_URI) and that the server is up and reachable from"
        + " where the step runs", unreachable.getMessage());
  }

  /**
   * A server that takes the connection and never answers: the upload failed on no timeout and waited forever, the task
   * with it; now it fails after {@code MLFLOW_HTTP_REQUEST_TIMEOUT} (here 1 s) saying so on one line. The bound of a minute
   * only ends the test on the old code.
   */
  @Test
  void anUploadToAServerThatNeverAnswersFailsSayingSo() throws Exception {
    try (SilentServer silent = new SilentServer()) {
      String uri = silent.uri();
      Servers server = Servers.of(uri, Map.of("MLFLOW_TRACKING_TOKEN", "s3cret-t0ken", "MLFLOW_HTTP_REQUEST_TIMEOUT", "1",
          Retries.MAX_RETRIES_ENV, "0")::get);
      ArtifactStore store = new ArtifactStore(server, "mlflow-artifacts:/1/r1/artifacts");
      Path report = Files.writeString(dir.resolve("report.txt"), "ok");
      IOException e = assertThrows(IOException.class, () -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofMinutes(1), () -> store.upload(report, null)));
      assertEquals(stalled("report.txt", uri), e.getMessage());
      assertFalse(silent.held.isEmpty(), "the upload reached the server");
    }
  }

  /** The JDK's HTTP client's send buffer size ({@code SO_SNDBUF}) of the connections it opens after it is set. */
  private static final String SEND_BUFFER = "jdk.httpclient.sendBufferSize";

  private static String stalled(String artifact, String uri) {
    return "cannot upload artifact " + artifact + ": the tracking server " + uri + " took the upload but nothing more of it was"
        + " sent, and no answer came, for 1 s (MLFLOW_HTTP_REQUEST_TIMEOUT); check that it is an MLflow tracking server that is"
        + " up and not overloaded, or raise MLFLOW_HTTP_REQUEST_TIMEOUT";
  }

  /**
   * {@code MLFLOW_HTTP_REQUEST_TIMEOUT} bounds an upload's inactivity, not its length: a file that a slow link takes
   * steadily for four times as long is uploaded whole. It bounded the whole request (and a second more for each MiB), so
   * such a file failed.
   */
  @Test
  void aLargeFileOnASlowLinkIsUploadedAlthoughItTakesLongerThanTheTimeout() throws Exception {
    Path model = Files.write(dir.resolve("model.bin"), new byte[512 * 1024]);
    try (SlowServer slow = new SlowServer(8 * 1024, 60, Long.MAX_VALUE)) { // 128 KiB/s: 4 s
      Servers server = Servers.of(slow.uri(), Map.of("MLFLOW_HTTP_REQUEST_TIMEOUT", "1")::get);
      long start = System.nanoTime();
      // the send buffer of a slow link: on loopback the system lets it grow to MiBs (its segments are 64 KiB), which
      // would take the whole file at once and leave nothing to watch
      System.setProperty(SEND_BUFFER, "16384");
      try {
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofMinutes(1),
            () -> new ArtifactStore(server, "mlflow-artifacts:/1/r1/artifacts").upload(model, null));
      } finally {
        System.clearProperty(SEND_BUFFER);
      }
      assertEquals(Files.size(model), slow.read.get());
      assertTrue(System.nanoTime() - start > 2_000_000_000L, "the upload lasted longer than the timeout");
    }
  }

  /** A server that stops reading the file fails the upload after the timeout of nothing moving, on one line. */
  @Test
  void anUploadTheServerStopsReadingFailsInOneLine() throws Exception {
    Path model = Files.write(dir.resolve("model.bin"), new byte[4 * 1024 * 1024]);
    try (SlowServer stalling = new SlowServer(64 * 1024, 0, 256 * 1024)) {
      Servers server = Servers.of(stalling.uri(), Map.of("MLFLOW_HTTP_REQUEST_TIMEOUT", "1", "MLFLOW_TRACKING_TOKEN", "s3cret-t0ken",
          Retries.MAX_RETRIES_ENV, "0")::get);
      IOException e = assertThrows(IOException.class, () -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
          java.time.Duration.ofMinutes(1), () -> new ArtifactStore(server, "mlflow-artifacts:/1/r1/artifacts").upload(model, "models")));
      assertEquals(stalled("models/model.bin", stalling.uri()), e.getMessage());
      assertTrue(stalling.read.get() >= 256 * 1024, "the server took part of the file: " + stalling.read.get());
    }
  }

  /** A timeout written wrong fails the upload saying what to give, as MLflow's Python client fails its requests. */
  @Test
  void aTimeoutThatIsNotAWholeNumberOfSecondsFailsTheUploadSayingWhatToGive() throws IOException {
    Servers server = Servers.of("http://127.0.0.1:1", Map.of("MLFLOW_HTTP_REQUEST_TIMEOUT", "2m")::get);
    Path report = Files.writeString(dir.resolve("report.txt"), "ok");
    IOException e = assertThrows(IOException.class,
        () -> new ArtifactStore(server, "mlflow-artifacts:/1/r1/artifacts").upload(report, null));
    assertEquals("cannot upload " + report + ": MLFLOW_HTTP_REQUEST_TIMEOUT is '2m'; give a whole number of seconds above 0, "
        + "such as 120 (MLflow's default)", e.getMessage());
  }

  /** A folder's files go through one client, so over one connection: the upload made a client, and a connection, per file. */
  @Test
  void aFoldersFilesGoOverOneConnection() throws Exception {
    java.util.List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    proxy.createContext("/", x -> {
      x.getRequestBody().readAllBytes();
      seen.add(x.getRequestURI().getPath() + " from " + x.getRemoteAddress().getPort());
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    proxy.start();
    try {
      Path folder = Files.createDirectories(dir.resolve("reports"));
      for (String name : new String[] {"a.txt", "b.txt", "c.txt"}) {
        Files.writeString(folder.resolve(name), name);
      }
      new ArtifactStore(new Servers("http://127.0.0.1:" + proxy.getAddress().getPort(), null, null, null),
          "mlflow-artifacts:/1/r1/artifacts").upload(folder, null);
    } finally {
      proxy.stop(0);
    }
    assertEquals(3, seen.size(), seen.toString());
    assertEquals(1, seen.stream().map(s -> s.substring(s.lastIndexOf(' '))).distinct().count(), seen.toString());
    assertEquals("/api/2.0/mlflow-artifacts/artifacts/1/r1/artifacts/reports/a.txt", seen.get(0).split(" ")[0]);
  }
}
