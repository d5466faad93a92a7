package dev.kfp4j.mlflow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sun.net.httpserver.HttpServer;
import dev.kfp4j.testing.server.FakeMlflowServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What MLflow's Python client sends again, kfp4j sends again: a call whose connection was refused, dropped or not answered
 * in time (urllib3's connect and read retries, for any method as MLflow allows them), an artifact upload as any call (the
 * whole file again), and a {@code Retry-After} taken or not as {@code MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER} says. kfp4j
 * sent again only the calls answered with a status, never an upload, and read no such variable. The calls' waits are
 * noted, not made; the uploads' are 0 s.
 */
class ResendTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T09:00:00Z"), ZoneOffset.UTC);
  private final List<Duration> waits = new CopyOnWriteArrayList<>();
  /** Backoffs of 0 s, for the uploads, whose waits are made. */
  private static final Map<String, String> NO_WAIT = Map.of(Retries.BACKOFF_FACTOR_ENV, "0", Retries.BACKOFF_JITTER_ENV, "0");
  @TempDir Path dir;

  private static final String RESPECT = "MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER";

  /** Calls to {@code servers} whose waits are noted in {@link #waits}, not made, with a jitter of half its most. */
  private TrackingApi noting(Servers servers) {
    return new TrackingApi(servers, waits::add, () -> 0.5, CLOCK);
  }

  private List<Double> seconds() {
    return waits.stream().map(w -> w.toMillis() / 1000.0).toList();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } // closed: nothing listens there now
  }

  /** A loopback server on {@code port} answering every request 200 with {@code {}}, counting them in {@code asked}. */
  private static HttpServer up(int port, AtomicInteger asked) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    http.createContext("/", x -> {
      asked.incrementAndGet();
      x.getRequestBody().readAllBytes();
      x.sendResponseHeaders(200, 2);
      x.getResponseBody().write("{}".getBytes(StandardCharsets.UTF_8));
      x.close();
    });
    http.start();
    return http;
  }

  private static String unreachable(String uri) {
    return "cannot reach the tracking server " + uri + ": connection refused; check mlflow.tracking_uri in kfp4j.yaml (else"
        + " MLFLOW_TRACKING_URI) and that the server is up and reachable from where the step runs";
  }

  /** A server not up yet (its port refusing connections) is tried again, after MLflow's waits, until it is up. */
  @Test
  void aServerThatRefusesConnectionsIsTriedAgainUntilItIsUp() throws Exception {
    int port = freePort();
    AtomicInteger asked = new AtomicInteger();
    HttpServer[] server = new HttpServer[1];
    TrackingApi api = new TrackingApi(Servers.of("http://127.0.0.1:" + port, Map.<String, String>of()::get), wait -> {
      waits.add(wait);
      if (waits.size() == 2) {
        try {
          server[0] = up(port, asked);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
    }, () -> 0.5, CLOCK);
    try {
      api.setTag("r1", "stage", "train");
    } finally {
      if (server[0] != null) {
        server[0].stop(0);
      }
    }
    assertEquals(1, asked.get());
    assertEquals(List.of(0.0, 4.5), seconds());
  }

  /** A server that stays down fails the call after MLflow's tries, saying how many; with none more, at once, in one line. */
  @Test
  void aServerThatStaysDownFailsTheCallSayingHowOftenItWasTried() throws Exception {
    String uri = "http://127.0.0.1:" + freePort();
    MlflowException e = assertThrows(MlflowException.class,
        () -> noting(Servers.of(uri, Map.of("MLFLOW_TRACKING_TOKEN", "s3cret-t0ken")::get)).setTag("r1", "a", "b"));
    assertEquals(unreachable(uri) + "; tried 8 times (MLFLOW_HTTP_REQUEST_MAX_RETRIES)", e.getMessage());
    assertEquals(List.of(0.0, 4.5, 8.5, 16.5, 32.5, 64.5, 120.0), seconds());

    waits.clear();
    MlflowException once = assertThrows(MlflowException.class,
        () -> noting(Servers.of(uri, Map.of(Retries.MAX_RETRIES_ENV, "0")::get)).setTag("r1", "a", "b"));
    assertEquals(unreachable(uri), once.getMessage());
    assertEquals(List.of(), waits);
  }

  /** A server that closes the connection without answering (a proxy restarting) is asked again: the POST goes through. */
  @Test
  void aServerThatDropsTheConnectionIsAskedAgain() throws Exception {
    try (DroppingServer dropping = new DroppingServer(1, Long.MAX_VALUE, false)) {
      noting(Servers.of(dropping.uri(), Map.<String, String>of()::get)).setTag("r1", "stage", "train");
      assertEquals(1, dropping.received.size());
      assertEquals("/api/2.0/mlflow/runs/set-tag", dropping.received.get(0).path());
      assertEquals(List.of(0.0), seconds());
    }
  }

  /** A server that took the request and did not answer in time is asked again, as urllib3 retries a read timeout. */
  @Test
  void aCallNotAnsweredInTimeIsSentAgain() throws Exception {
    try (DroppingServer stalling = new DroppingServer(1, Long.MAX_VALUE, true)) {
      assertTimeoutPreemptively(Duration.ofMinutes(1), () -> noting(Servers.of(stalling.uri(),
          Map.of(Servers.TIMEOUT_ENV, "1")::get)).setTag("r1", "stage", "train"));
      assertEquals(1, stalling.received.size());
      assertEquals(2, stalling.connections.get());
    }
  }

  private static byte[] file(int size) {
    byte[] bytes = new byte[size];
    new Random(7).nextBytes(bytes);
    return bytes;
  }

  /** An upload answered 503 is sent again, and the run holds the whole file. */
  @Test
  void anUploadTheServerAnswersBusyIsSentAgainWhole() throws Exception {
    try (FakeMlflowServer server = FakeMlflowServer.start()) {
      Servers servers = Servers.of(server.uri().toString(), NO_WAIT::get);
      TrackingApi api = noting(servers);
      String id = api.createRun(api.createExperiment("churn"), "train", List.of());
      String artifactUri = api.artifactUri(id);
      byte[] bytes = file(300 * 1024);
      Path model = Files.write(dir.resolve("model.bin"), bytes);
      String put = "/api/2.0/mlflow-artifacts/artifacts/" + artifactUri.substring("mlflow-artifacts:/".length()) + "/models/model.bin";
      server.failNextAt("PUT", put, 503, "upstream not ready");
      new ArtifactStore(servers, artifactUri).upload(model, "models");
      assertArrayEquals(bytes, server.runs().get(0).artifacts().get("models/model.bin"));
      assertEquals(2, server.requests().stream().filter(r -> r.method().equals("PUT")).count());
    }
  }

  /** An upload whose connection drops part way is sent again from the file's start: the server gets the whole file. */
  @Test
  void anUploadWhoseConnectionDropsIsSentAgainFromTheStart() throws Exception {
    byte[] bytes = file(1024 * 1024);
    Path model = Files.write(dir.resolve("model.bin"), bytes);
    try (DroppingServer dropping = new DroppingServer(1, 256 * 1024, false)) {
      new ArtifactStore(Servers.of(dropping.uri(), NO_WAIT::get), "mlflow-artifacts:/1/r1/artifacts").upload(model, null);
      assertEquals(1, dropping.received.size());
      assertEquals("/api/2.0/mlflow-artifacts/artifacts/1/r1/artifacts/model.bin", dropping.received.get(0).path());
      assertArrayEquals(bytes, dropping.received.get(0).body());
    }
  }

  /**
   * An upload the server stops reading fails its try after MLFLOW_HTTP_REQUEST_TIMEOUT of nothing moving, and the next try
   * is watched afresh: it goes through whole.
   */
  @Test
  void anUploadThatStallsIsSentAgainAndWatchedAfresh() throws Exception {
    byte[] bytes = file(4 * 1024 * 1024);
    Path model = Files.write(dir.resolve("model.bin"), bytes);
    try (DroppingServer stalling = new DroppingServer(1, 256 * 1024, true)) {
      Servers servers = Servers.of(stalling.uri(), Map.of(Servers.TIMEOUT_ENV, "1", Retries.BACKOFF_FACTOR_ENV, "0",
          Retries.BACKOFF_JITTER_ENV, "0")::get);
      assertTimeoutPreemptively(Duration.ofMinutes(1),
          () -> new ArtifactStore(servers, "mlflow-artifacts:/1/r1/artifacts").upload(model, null));
      assertArrayEquals(bytes, stalling.received.get(0).body());
      assertEquals(2, stalling.connections.get());
    }
  }

  /** A server answering each request in turn with a status and a {@code Retry-After}, then 200; counting them. */
  private static HttpServer answering(Queue<String[]> answers, AtomicInteger asked) throws IOException {
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/", x -> {
      asked.incrementAndGet();
      x.getRequestBody().readAllBytes();
      String[] answer = answers.poll();
      if (answer != null) {
        x.getResponseHeaders().set("Retry-After", answer[1]);
      }
      x.sendResponseHeaders(answer == null ? 200 : Integer.parseInt(answer[0]), -1);
      x.close();
    });
    http.start();
    return http;
  }

  /**
   * MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER, true by default: a {@code Retry-After} is waited, and a 413 with one is sent
   * again, as urllib3 does; false: the backoff is waited, and a 413 is a refusal.
   */
  @Test
  void retryAfterIsRespectedAsMlflowsVariableSays() throws Exception {
    for (String respect : new String[] {null, "TRUE", "1", "false", "0"}) {
      waits.clear();
      AtomicInteger asked = new AtomicInteger();
      HttpServer http = answering(new ConcurrentLinkedQueue<>(List.of(new String[] {"503", "30"}, new String[] {"413", "5"},
          new String[] {"500", "7"})), asked);
      try {
        String uri = "http://127.0.0.1:" + http.getAddress().getPort();
        Map<String, String> env = respect == null ? Map.of() : Map.of(RESPECT, respect);
        TrackingApi api = noting(Servers.of(uri, env::get));
        if (respect == null || respect.equals("TRUE") || respect.equals("1")) {
          api.setTag("r1", "stage", "train");
          assertEquals(4, asked.get(), respect);
          assertEquals(List.of(30.0, 5.0, 7.0), seconds(), respect); // the 500's too, as urllib3 takes it on any status
        } else {
          MlflowHttpException e = assertThrows(MlflowHttpException.class, () -> api.setTag("r1", "stage", "train"));
          assertEquals(413, e.getStatusCode(), respect);
          assertEquals(2, asked.get(), respect);
          assertEquals(List.of(0.0), seconds(), respect); // the 503's backoff: the first resend at once
        }
      } finally {
        http.stop(0);
      }
    }
  }

  /**
   * A {@code Retry-After} that is neither a number of seconds nor a date, on an answer to be sent again, ends the call, as
   * urllib3's {@code Retry.parse_retry_after} throws {@code InvalidHeader} and MLflow's client fails the call; kfp4j waited
   * the backoff and sent it again. Not respected (MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER=false), it is not read: the
   * backoff.
   */
  @Test
  void aRetryAfterThatIsNeitherSecondsNorADateEndsTheCall() throws Exception {
    for (String respect : new String[] {null, "false"}) {
      for (List<String[]> answers : List.<List<String[]>>of(List.<String[]>of(new String[] {"429", "soon"}),
          List.<String[]>of(new String[] {"503", "30"}, new String[] {"503", "soon"}))) {
        waits.clear();
        AtomicInteger asked = new AtomicInteger();
        HttpServer http = answering(new ConcurrentLinkedQueue<>(answers), asked);
        try {
          String uri = "http://127.0.0.1:" + http.getAddress().getPort();
          TrackingApi api = noting(Servers.of(uri, (respect == null ? Map.<String, String>of() : Map.of(RESPECT, respect))::get));
          if (respect != null) {
            api.setTag("r1", "stage", "train");
            assertEquals(answers.size() + 1, asked.get());
            assertEquals(answers.size() == 1 ? List.of(0.0) : List.of(0.0, 4.5), seconds(), "the backoff");
            continue;
          }
          MlflowException e = assertThrows(MlflowException.class, () -> api.setTag("r1", "stage", "train"));
          int status = answers.size() == 1 ? 429 : 503;
          assertEquals("the tracking server " + uri + " answered " + status + " with a Retry-After that is neither a number of"
              + " seconds nor a date ('soon'), which ends the call, as in MLflow's client; check the server and any proxy before"
              + " it, or set MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER=false to wait the backoff instead"
              + (answers.size() == 1 ? "" : "; tried 2 times (MLFLOW_HTTP_REQUEST_MAX_RETRIES)"), e.getMessage());
          assertEquals(answers.size(), asked.get(), "not sent again (was: after the backoff)");
          assertEquals(answers.size() == 1 ? List.of() : List.of(30.0), seconds());
        } finally {
          http.stop(0);
        }
      }
    }
  }

  /** A value MLflow refuses for the variable fails the call saying what to give, before anything is sent. */
  @Test
  void aRespectSettingWrittenWrongFailsSayingWhatToGive() {
    MlflowException e = assertThrows(MlflowException.class,
        () -> noting(Servers.of("http://127.0.0.1:1", Map.of(RESPECT, "yes")::get)).setTag("r1", "a", "b"));
    assertEquals("MLFLOW_HTTP_RESPECT_RETRY_AFTER_HEADER is 'yes'; give true or false (or 1 or 0), such as true (MLflow's"
        + " default)", e.getMessage());
    assertEquals(List.of(), waits);
  }
}
