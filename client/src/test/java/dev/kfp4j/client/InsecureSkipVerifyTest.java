package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.server.SelfSignedServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ARGO_INSECURE_SKIP_VERIFY=true}, as the argo CLI reads it (its {@code -k}, cmd/argo/commands/client/conn.go): an
 * Argo Server whose certificate is self-signed and for another name is reached; its value is {@code true} only; and the
 * skip is that client's alone. KFP's client takes it too ({@code insecureSkipVerify}, KFP's {@code verify_ssl=False}).
 */
class InsecureSkipVerifyTest {
  private static final String TOKEN = "s3cr3t-argo-t0ken";

  @TempDir
  static Path dir;

  private static SelfSignedServer server;
  private static final List<Loopback.Request> requests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    // self-signed, and for a name that is not the address reached: both checks would refuse it
    server = SelfSignedServer.start(dir, "argo", "argo-server.invalid", "dns:argo-server.invalid",
        exchange -> Loopback.handle(exchange, r -> Loopback.Answer.json(200,
            "{\"metadata\":{\"name\":\"w1\",\"namespace\":\"argo\"},\"status\":{\"phase\":\"Succeeded\"}}"), requests));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static ArgoClient argo(String skip) {
    Map<String, String> env = new java.util.HashMap<>(Map.of(ArgoClient.SERVER_ENV, "127.0.0.1:" + server.port(),
        ArgoClient.TOKEN_ENV, "Bearer " + TOKEN));
    if (skip != null) {
      env.put(ArgoClient.INSECURE_SKIP_VERIFY_ENV, skip);
    }
    return ArgoClient.builder().build(env::get);
  }

  @Test
  void trueReachesAServerWithASelfSignedCertificateForAnotherName() {
    assertEquals(RunState.SUCCEEDED, argo("true").get("w1").state());
    Loopback.Request last = requests.get(requests.size() - 1);
    assertEquals("/api/v1/workflows/argo/w1", last.uri().getPath());
    assertEquals("Bearer " + TOKEN, last.header("Authorization"));
  }

  @Test
  void unsetOrAnotherValueChecksTheCertificateAndSaysHowToSkipIt() {
    for (String value : java.util.Arrays.asList(null, "1", "TRUE", "yes", "false")) {
      KfpException e = assertThrows(KfpException.class, () -> argo(value).get("w1"), String.valueOf(value));
      assertTrue(e.getMessage().startsWith("TLS with https://127.0.0.1:" + server.port() + " failed: "), e.getMessage());
      assertTrue(e.getMessage().contains("pass that CA's certificate (PEM) as the CA certificate, or pass -k/--insecure-skip-verify or"
          + " set ARGO_INSECURE_SKIP_VERIFY=true to not check it"), e.getMessage());
      assertFalse(e.getMessage().contains(TOKEN), e.getMessage());
    }
  }

  @Test
  void theSkipIsThatClientsAloneNotTheJvms() {
    argo("true").get("w1");
    assertThrows(KfpException.class, () -> argo(null).get("w1"));
    KfpClient kfp = KfpClient.builder().host("https://127.0.0.1:" + server.port()).auth(Auth.none()).build();
    KfpException e = assertThrows(KfpException.class, kfp::healthy);
    assertTrue(e.getMessage().startsWith("TLS with "), e.getMessage());
    assertFalse(e.getMessage().contains("ARGO_INSECURE_SKIP_VERIFY"), "KFP's server has no such setting: " + e.getMessage());
    assertTrue(e.getMessage().contains(", or pass -k/--insecure-skip-verify to not check it"), e.getMessage());
  }

  /** KFP's client takes it too, as KFP's Python {@code Client(verify_ssl=False)}: it said only to pass the CA certificate. */
  @Test
  void kfpsClientTakesItAsKfpsVerifySslFalse() {
    KfpClient kfp = KfpClient.builder().host("https://127.0.0.1:" + server.port()).auth(Auth.bearer(TOKEN))
        .insecureSkipVerify(true).build();
    kfp.healthy();
    Loopback.Request last = requests.get(requests.size() - 1);
    assertEquals("/apis/v1beta1/healthz", last.uri().getPath());
    assertEquals("Bearer " + TOKEN, last.header("Authorization"));
  }

  /** Given false, the builder's setting wins over the variable, as the argo CLI's {@code --insecure-skip-verify=false}. */
  @Test
  void falseGivenWinsOverTheVariable() {
    Map<String, String> env = Map.of(ArgoClient.SERVER_ENV, "127.0.0.1:" + server.port(),
        ArgoClient.INSECURE_SKIP_VERIFY_ENV, "true");
    KfpException e = assertThrows(KfpException.class,
        () -> ArgoClient.builder().insecureSkipVerify(false).auth(Auth.none()).build(env::get).get("w1"));
    assertTrue(e.getMessage().startsWith("TLS with "), e.getMessage());
    assertEquals(RunState.SUCCEEDED, ArgoClient.builder().auth(Auth.none()).build(env::get).get("w1").state());
  }

  @Test
  void theJavaBuilderTakesItToo() {
    ArgoClient argo = ArgoClient.builder().server("https://127.0.0.1:" + server.port()).insecureSkipVerify(true)
        .auth(Auth.none()).build(Map.<String, String>of()::get);
    assertEquals(RunState.SUCCEEDED, argo.get("w1").state());
  }
}
