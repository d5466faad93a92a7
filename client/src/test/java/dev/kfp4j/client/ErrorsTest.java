package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What a user sees when something is wrong between the client and the server: one line saying what to do. */
class ErrorsTest {
  private static void assertOneLine(String message) {
    assertFalse(message.contains("\n") || message.contains("\r"), "more than one line: " + message);
  }

  @Test
  void noHostSaysHowToGiveOne() {
    KfpException e = assertThrows(KfpException.class, () -> KfpClient.builder().build(java.util.Map.<String, String>of()::get));
    assertTrue(e.getMessage().contains("--host"), e.getMessage());
    assertTrue(e.getMessage().contains("set KF_PIPELINES_ENDPOINT"), e.getMessage());
    assertOneLine(e.getMessage());
  }

  /** A pipeline root is KFP 2's: with v1beta1 (the default) it is refused before anything is sent (port 9 answers nothing). */
  @Test
  void aPipelineRootWithV1beta1IsRefusedBeforeAnythingIsSent() {
    KfpClient v1 = KfpClient.builder().host("127.0.0.1:9").build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> v1.createRun(
        RunRequest.ofWorkflow("r", null, "kind: Workflow", java.util.Map.of()).withPipelineRoot("s3://bucket/root")));
    assertTrue(e.getMessage().startsWith("a pipeline root (s3://bucket/root) is KFP 2's"), e.getMessage());
  }

  /** In a pod (Kubernetes sets KUBERNETES_SERVICE_HOST in each), given no host, the client goes where KFP's own client does. */
  @Test
  void inAPodWithoutAHostItTakesKfpsServiceInTheCluster() {
    java.util.Map<String, String> pod = java.util.Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1");
    assertEquals("http://ml-pipeline.kubeflow.svc.cluster.local:8888", KfpClient.builder().build(pod::get).host().toString());
    assertEquals("http://127.0.0.1:9", KfpClient.builder().host("127.0.0.1:9").build(pod::get).host().toString(), "a host given wins");
    java.util.Map<String, String> endpoint = java.util.Map.of("KUBERNETES_SERVICE_HOST", "10.96.0.1", KfpClient.ENDPOINT_ENV, "kfp.example:80");
    assertEquals("http://kfp.example:80", KfpClient.builder().build(endpoint::get).host().toString(), "and KF_PIPELINES_ENDPOINT");
  }

  @Test
  void aHostOfAnotherSchemeIsRefusedNotReadAsAHostNamedAfterIt() {
    KfpException e = assertThrows(KfpException.class, () -> KfpClient.builder().host("ftp://127.0.0.1:9").build());
    assertEquals("host 'ftp://127.0.0.1:9' is not an http(s) address; write it as http(s)://host[:port][/path]", e.getMessage());
    assertEquals("https://127.0.0.1:9", KfpClient.builder().host("HTTPS://127.0.0.1:9").build().host().toString());
    assertEquals("http://127.0.0.1:9", KfpClient.builder().host("127.0.0.1:9").build().host().toString());
    assertEquals("host 'ftp://127.0.0.1:9' is not an http(s) address; write it as http(s)://host[:port][/path]",
        assertThrows(KfpException.class, () -> ArgoClient.builder().server("ftp://127.0.0.1:9").build()).getMessage(), "nor for Argo");
  }

  /**
   * A host written wrong is refused without the password it may carry: the KFP host's errors printed it whole
   * ({@code host 'http://u:pw@h x' is not a URL}), and an Argo Server's were the JDK's own, the whole URL in them
   * ({@code Illegal character in authority at index 8: https://u:pw@h x}, {@code unsupported URI https://u:pw@/api/...}).
   */
  @Test
  void aHostWrittenWrongIsRefusedWithoutItsPassword() {
    java.util.Map<String, String> refusals = new java.util.LinkedHashMap<>();
    refusals.put("http://u:Wm1@h x", "host 'http://***@h x' is not a URL; write it as http(s)://host[:port][/path]");
    refusals.put("ftp://u:Wm1@h", "host 'ftp://***@h' is not an http(s) address; write it as http(s)://host[:port][/path]");
    refusals.put("https://u:Wm1@", "host 'https://***@' names no host; write it as http(s)://host[:port][/path]");
    refusals.put("u:Wm1@/p", "host '***@/p' names no host; write it as http(s)://host[:port][/path]");
    for (var r : refusals.entrySet()) {
      assertEquals(r.getValue(), assertThrows(KfpException.class, () -> KfpClient.builder().host(r.getKey()).build()).getMessage());
      assertEquals(r.getValue(), assertThrows(KfpException.class, () -> ArgoClient.builder().server(r.getKey()).build()).getMessage(),
          "and for Argo");
    }
    ArgoClient.builder().server("u:Wm1@127.0.0.1:9").build(); // one written right is taken, password and all
  }

  @Test
  void noArgoServerSaysHowToGiveOne() {
    String env = System.getenv(ArgoClient.SERVER_ENV);
    assumeTrue(env == null || env.isBlank(), ArgoClient.SERVER_ENV + " is set in this JVM");
    KfpException e = assertThrows(KfpException.class, () -> ArgoClient.builder().build());
    assertTrue(e.getMessage().contains("--argo-server"), e.getMessage());
    assertTrue(e.getMessage().contains("set ARGO_SERVER"), e.getMessage());
  }

  @Test
  void anUnreachableHostSaysToCheckIt() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    } // closed: nothing listens there now
    KfpClient kfp = KfpClient.builder().host("http://127.0.0.1:" + port).build();
    KfpException e = assertThrows(KfpException.class, kfp::healthy);
    assertEquals(0, e.status());
    assertTrue(e.getMessage().startsWith("cannot reach http://127.0.0.1:" + port + ": connection refused; "), e.getMessage());
    assertTrue(e.getMessage().contains("check the host (--host, 'host' in the config file, or KF_PIPELINES_ENDPOINT)"), e.getMessage());
    assertOneLine(e.getMessage());
  }

  /** The JDK's client says a bare "ConnectException" for a name that does not resolve as for a closed port. */
  @Test
  void aHostWhoseNameDoesNotResolveSaysSo() {
    KfpClient kfp = KfpClient.builder().host("https://kfp4j-no-such-host.invalid/pipeline").build(); // .invalid never resolves
    KfpException e = assertThrows(KfpException.class, kfp::healthy);
    assertEquals("cannot reach https://kfp4j-no-such-host.invalid/pipeline: unknown host kfp4j-no-such-host.invalid; "
        + "check the host (--host, 'host' in the config file, or KF_PIPELINES_ENDPOINT) and that the server is up and reachable "
        + "from here", e.getMessage());
  }

  /**
   * A server that takes the request and closes the connection without an answer: said what Java's HTTP client threw
   * ("cannot reach ...: HTTP/1.1 header parser received no bytes"), now in words, the URL without its credentials.
   */
  @Test
  void aServerThatClosesTheConnectionWithoutAnAnswerSaysSo() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread dropping = new Thread(() -> {
        try {
          while (true) {
            try (java.net.Socket s = socket.accept()) {
              java.io.InputStream in = s.getInputStream();
              for (int ends = 0; ends < 4; ) { // the request's head, to its empty line
                int c = in.read();
                ends = c < 0 ? 4 : (c == '\r' || c == '\n') ? ends + 1 : 0;
              }
            }
          }
        } catch (java.io.IOException closedNow) {
          // the test is over
        }
      });
      dropping.setDaemon(true);
      dropping.start();
      String host = "http://user:pa55@127.0.0.1:" + socket.getLocalPort();
      KfpException e = assertThrows(KfpException.class, () -> KfpClient.builder().host(host).build().healthy());
      assertEquals(0, e.status());
      assertEquals("GET /apis/v1beta1/healthz to http://***@127.0.0.1:" + socket.getLocalPort() + " failed: the server closed the"
          + " connection without an answer; check the host (--host, 'host' in the config file, or KF_PIPELINES_ENDPOINT)",
          e.getMessage());
      assertOneLine(e.getMessage());
    }
  }

  @Test
  void notFoundCarriesTheServersMessage() {
    try (Loopback server = Loopback.start(r -> Loopback.Answer.json(404,
        "{\"error\":\"Pipeline xyz not found\",\"code\":5,\"message\":\"Pipeline xyz not found\",\"details\":[]}"))) {
      KfpException e = assertThrows(KfpException.class, () -> server.client(Auth.none()).getPipeline("xyz"));
      assertEquals(404, e.status());
      assertTrue(e.notFound());
      assertTrue(e.getMessage().contains("GET /apis/v1beta1/pipelines/xyz answered 404: Pipeline xyz not found"), e.getMessage());
      assertOneLine(e.getMessage());
    }
  }

  private static final String NGINX_404 = "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n"
      + "<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

  /** A host without KFP's path (Kubeflow's address, not .../pipeline) answered "GET /apis/... answered 404" and nothing more. */
  @Test
  void aNotFoundPageOfAnotherServerAsksWhetherTheHostIsTheApiServer() {
    try (Loopback server = Loopback.start(r -> new Loopback.Answer(404, "text/html", NGINX_404))) {
      KfpException e = assertThrows(KfpException.class, () -> server.client(Auth.none()).listExperiments(null));
      assertEquals(404, e.status());
      assertTrue(e.getMessage().startsWith("GET /apis/v1beta1/experiments answered 404; "), "no markup: " + e.getMessage());
      assertTrue(e.getMessage().endsWith("; " + server.url() + " has no such API: is it the API server (--host, 'host' in"
          + " the config file, or KF_PIPELINES_ENDPOINT)? In Kubeflow, KFP's is the address of its UI with /pipeline after it"),
          e.getMessage());
      assertOneLine(e.getMessage());
    }
  }

  @Test
  void aServerErrorDuringAWaitIsAFailureNotAWaitThatRanOut() {
    try (Loopback server = Loopback.start(r -> Loopback.Answer.json(503, "{\"message\":\"upstream down\"}"))) {
      KfpException e = assertThrows(KfpException.class,
          () -> server.client(Auth.none()).waitForRun("r1", java.time.Duration.ofSeconds(30)));
      assertEquals(503, e.status());
      assertFalse(e.stillGoing());
    }
  }

  /** A run answered without its id (an empty body, {@code {}}, another server's JSON) was a PENDING run of id null. */
  @Test
  void aRunAnsweredWithoutItsIdIsAFailureNotAPendingRun() {
    for (String body : List.of("", "{}", "{\"runs\": 5}", "{\"run\": {\"status\": \"Running\"}}")) {
      try (Loopback server = Loopback.start(r -> Loopback.Answer.json(200, body))) {
        KfpException get = assertThrows(KfpException.class, () -> server.client(Auth.none()).getRun("r1"), body);
        assertTrue(get.getMessage().startsWith("GET /apis/v1beta1/runs/r1 answered without a run (no run.id); is " + server.url()
            + " the API server ("), get.getMessage());
        assertThrows(KfpException.class, () -> server.client(Auth.none()).waitForRun("r1", Duration.ofMinutes(5)), body);
        KfpClient v2 = KfpClient.builder().host(server.url()).apiVersion(KfpClient.ApiVersion.V2BETA1).build();
        KfpException created = assertThrows(KfpException.class,
            () -> v2.createRun(RunRequest.ofVersion("r", "e", "p", "v", java.util.Map.of())), body);
        assertTrue(created.getMessage().startsWith("POST /apis/v2beta1/runs answered without a run (no run_id); is "), created.getMessage());
      }
    }
  }

  @Test
  void anUploadErrorCarriesTheServersMessage() {
    try (Loopback server = Loopback.start(r -> Loopback.Answer.json(400,
        "{\"error_message\":\"Failed to create a pipeline. The pipeline spec is invalid\",\"error_details\":\"...\"}"))) {
      KfpException e = assertThrows(KfpException.class, () -> server.client(Auth.none()).uploadPipeline("p", null, "kind: Workflow\n"));
      assertEquals(400, e.status());
      assertTrue(e.getMessage().endsWith("answered 400: Failed to create a pipeline. The pipeline spec is invalid"), e.getMessage());
    }
  }

  @Test
  void aServersMessageOnSeveralLinesBecomesOneLine() {
    try (Loopback server = Loopback.start(r -> Loopback.Answer.json(500,
        "{\"error\":\"x\",\"code\":13,\"message\":\"Internal error: failed to create run\\n\\tcaused by: "
            + "workflow is invalid\\n\",\"details\":[]}"))) {
      KfpException e = assertThrows(KfpException.class, () -> server.client(Auth.none()).getRun("r1"));
      assertEquals(500, e.status());
      assertFalse(e.notFound());
      assertTrue(e.getMessage().endsWith("answered 500: Internal error: failed to create run caused by: workflow is invalid"),
          e.getMessage());
    }
  }

  @Test
  void anHtmlPageInsteadOfJsonAsksWhetherTheHostIsTheApiServer() {
    String login = "<!DOCTYPE html>\n<html><head><title>Sign in</title></head>\n<body><form action=\"/dex/auth\">"
        + "<input name=\"login\"><input name=\"password\" type=\"password\"></form></body></html>\n";
    try (Loopback server = Loopback.start(r -> new Loopback.Answer(200, "text/html", login))) {
      KfpException e = assertThrows(KfpException.class, () -> server.client(Auth.none()).listExperiments(null));
      assertTrue(e.getMessage().contains("not JSON"), e.getMessage());
      assertTrue(e.getMessage().contains("is " + server.url() + " the API server"), e.getMessage());
      assertOneLine(e.getMessage());
    }
  }

  /** Dex's oauth2-proxy or IAP in front of KFP, without a session: a redirect to its login page. */
  @Test
  void aRedirectToALoginPageSaysToCheckTheCredentials() {
    String login = "/dex/auth?client_id=kubeflow-oidc-authservice&state=MTY5";
    try (Loopback server = Loopback.start(r -> new Loopback.Answer(302, "text/html",
        "<a href=\"" + login.replace("&", "&amp;") + "\">Found</a>.").withHeader("Location", login))) {
      KfpException e = assertThrows(KfpException.class, () -> server.client(Auth.none()).healthy());
      assertEquals(302, e.status());
      assertTrue(e.getMessage().contains("answered 302 redirecting to " + server.url() + "/dex/auth;"), e.getMessage());
      assertTrue(e.getMessage().contains("if that is a login page, check the credentials"), e.getMessage());
      assertTrue(e.getMessage().contains("else give that address as the host (--host, 'host' in the config file, or KF_PIPELINES_ENDPOINT)"), e.getMessage());
      assertFalse(e.getMessage().contains("<a href"), e.getMessage());
      assertFalse(e.getMessage().contains("state="), e.getMessage());
      assertOneLine(e.getMessage());
    }
  }

  @Test
  void aServerThatNeverAnswersTimesOutSayingSo() {
    CountDownLatch release = new CountDownLatch(1);
    try (Loopback server = Loopback.start(r -> {
      release.await(30, TimeUnit.SECONDS);
      return Loopback.Answer.json(200, "{}");
    })) {
      KfpClient kfp = KfpClient.builder().host(server.url()).timeout(Duration.ofSeconds(1)).build();
      long start = System.nanoTime();
      KfpException e = assertThrows(KfpException.class, kfp::healthy);
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals(0, e.status());
      assertTrue(e.getMessage().contains("got no answer from " + server.url() + " within 1 s"), e.getMessage());
      assertTrue(took < 10_000, "took " + took + " ms");
    } finally {
      release.countDown();
    }
  }
}
