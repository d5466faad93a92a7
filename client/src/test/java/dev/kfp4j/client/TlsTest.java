package dev.kfp4j.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** https to a server whose certificate no public CA signed, as on-premise Kubeflow often has. */
class TlsTest {
  private static final char[] PASSWORD = "changeit".toCharArray();

  @TempDir
  static Path dir;

  private static HttpsServer server;
  private static Path caPem;
  private static final List<Loopback.Request> requests = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Path keystore = dir.resolve("server.p12");
    caPem = dir.resolve("ca.pem");
    keytool("-genkeypair", "-alias", "kfp", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-keystore", keystore.toString(), "-storetype", "PKCS12",
        "-storepass", "changeit", "-keypass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", "kfp", "-keystore", keystore.toString(), "-storepass", "changeit",
        "-file", caPem.toString());

    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD);
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, PASSWORD);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.createContext("/", exchange -> Loopback.handle(exchange, r -> Loopback.Answer.json(200, "{}"), requests));
    server.start();
  }

  static void keytool(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "keytool did not finish");
    assertEquals(0, p.exitValue(), "keytool " + String.join(" ", args) + ":\n" + output);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
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
    ArgoClient argo = ArgoClient.builder().server("127.0.0.1:" + server.getAddress().getPort()).caCertificate(caPem)
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
