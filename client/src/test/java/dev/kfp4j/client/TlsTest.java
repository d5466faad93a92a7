package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kfp4j.testing.server.SelfSignedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https to a server whose certificate no public CA signed, as on-premise Kubeflow often has. */
class TlsTest {
  @TempDir
  static Path dir;

  private static SelfSignedServer server;
  private static Path caPem;
  private static final List<Loopback.Request> requests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    server = SelfSignedServer.start(dir, "kfp", "127.0.0.1", "ip:127.0.0.1",
        exchange -> Loopback.handle(exchange, r -> Loopback.Answer.json(200, "{}"), requests));
    caPem = server.exportCertificate(dir.resolve("ca.pem"));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static String url() {
    return server.address();
  }

  @Test
  void anUntrustedCertificateFails() {
    KfpClient kfp = KfpClient.builder().host(url()).build();
    KfpException e = assertThrows(KfpException.class, kfp::healthy);
    assertEquals(0, e.status());
    assertTrue(e.getMessage().startsWith("TLS with " + url() + " failed"), e.getMessage());
    assertTrue(e.getMessage().contains("pass that CA's certificate (PEM) as the CA certificate"), e.getMessage());
  }

  @Test
  void theCaCertificateMakesItTrusted() {
    KfpClient kfp = KfpClient.builder().host(url()).caCertificate(caPem).auth(Auth.bearer("t")).build();
    assertTrue(kfp.healthy());
    assertEquals("/apis/v1beta1/healthz", requests.get(requests.size() - 1).uri().getPath());
  }

  @Test
  void theArgoClientTakesTheCaCertificateToo() {
    ArgoClient argo = ArgoClient.builder().server("127.0.0.1:" + server.port()).caCertificate(caPem)
        .auth(Auth.none()).build();
    argo.get("hello"); // https is the default scheme, as for the argo CLI
    assertEquals("/api/v1/workflows/argo/hello", requests.get(requests.size() - 1).uri().getPath());
  }

  @Test
  void aFileWithoutACertificateIsAClearError() throws Exception {
    Path notPem = dir.resolve("key.pem");
    Files.writeString(notPem, IapAuthTest.privateKeyPem(IapAuthTest.keyPair())); // the server's key, not its certificate
    Path empty = Files.writeString(dir.resolve("empty.pem"), "");
    for (Path file : List.of(notPem, empty)) {
      KfpException e = assertThrows(KfpException.class, () -> KfpClient.builder().host(url()).caCertificate(file).build());
      assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
      assertTrue(e.getMessage().contains("certificate"), e.getMessage());
    }
    Path missing = dir.resolve("missing.pem");
    KfpException e = assertThrows(KfpException.class, () -> KfpClient.builder().host(url()).caCertificate(missing).build());
    assertEquals(missing + ": no such file", e.getMessage());
  }
}
