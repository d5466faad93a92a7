package dev.kfp4j.testing.server;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An https server on loopback whose certificate is self-signed, as on-premise Kubeflow and an Argo Server that made its
 * own have: a key pair made with the JDK's {@code keytool} for the name and the subject alternative name given (a name
 * that is not the address reached, {@code dns:cluster.invalid}, makes both checks refuse it; {@code ip:127.0.0.1} only
 * the CA check), one handler for every path. The key store and the certificate are written in the folder given.
 */
public final class SelfSignedServer implements AutoCloseable {
  private static final String PASSWORD = "changeit";
  private final HttpsServer server;
  private final Path keystore;
  private final String alias;

  private SelfSignedServer(HttpsServer server, Path keystore, String alias) {
    this.server = server;
    this.keystore = keystore;
    this.alias = alias;
  }

  /**
   * Starts the server, its certificate for {@code commonName} and {@code subjectAltName} ({@code keytool}'s {@code san=}
   * value, such as {@code dns:cluster.invalid} or {@code ip:127.0.0.1}), its key store {@code <alias>.p12} in {@code dir}.
   */
  public static SelfSignedServer start(Path dir, String alias, String commonName, String subjectAltName, HttpHandler handler)
      throws IOException, GeneralSecurityException {
    Path keystore = dir.resolve(alias + ".p12");
    keytool("-genkeypair", "-alias", alias, "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=" + commonName, "-ext", "san=" + subjectAltName, "-keystore", keystore.toString(),
        "-storetype", "PKCS12", "-storepass", PASSWORD, "-keypass", PASSWORD);
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      store.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(store, PASSWORD.toCharArray());
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(kmf.getKeyManagers(), null, null);
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(ssl));
    server.createContext("/", handler);
    server.start();
    return new SelfSignedServer(server, keystore, alias);
  }

  /** Its port on loopback. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code https://127.0.0.1:<port>}. */
  public String address() {
    return "https://127.0.0.1:" + port();
  }

  /** Writes its certificate, PEM, to {@code file}: the CA certificate a client trusts it with. */
  public Path exportCertificate(Path file) throws IOException {
    keytool("-exportcert", "-rfc", "-alias", alias, "-keystore", keystore.toString(), "-storepass", PASSWORD,
        "-file", file.toString());
    return file;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private static void keytool(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("keytool did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for keytool", e);
    }
    if (p.exitValue() != 0) {
      throw new IOException("keytool " + String.join(" ", args) + " exited " + p.exitValue() + ":\n" + output);
    }
  }
}
