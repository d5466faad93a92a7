package dev.kfp4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A download through a proxy (the JVM's proxy settings: Java's HTTP client, built without a proxy selector of its own, uses
 * the system-wide one) whose connection failed was said by asking the server again with a plain connection, past the
 * proxy: it said "cannot connect" of a server that was up, or "connection refused" of one the proxy might well reach. Now
 * the failure is the proxy's, said so, and the server is not asked. Each download runs in a JVM of its own, whose
 * system-wide proxy selector it sets (the JVM's proxy properties would leave a server on loopback out, whatever they say).
 */
class DownloadProxyTest {
  @Test
  void aProxyThatCannotBeReachedIsSaidAndTheServerIsNotAsked() throws Exception {
    int proxyPort;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      proxyPort = closed.getLocalPort();
    } // nothing listens there now
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      AtomicInteger asked = new AtomicInteger();
      Thread accepting = new Thread(() -> {
        while (!server.isClosed()) {
          try (Socket s = server.accept()) {
            asked.incrementAndGet();
          } catch (IOException closedAtTheEnd) {
            // the test ended
          }
        }
      });
      accepting.setDaemon(true);
      accepting.start();
      String url = "http://127.0.0.1:" + server.getLocalPort() + "/x.yaml";

      assertEquals("cannot download " + url + ": cannot connect to the proxy 127.0.0.1:" + proxyPort + " that the JVM's proxy"
          + " settings choose for it", download(url, "127.0.0.1", proxyPort));
      assertEquals("cannot download " + url + ": unknown host no-such-proxy.invalid, the proxy that the JVM's proxy settings"
          + " choose for it", download(url, "no-such-proxy.invalid", 3128));
      assertEquals(0, asked.get(), "the server is not asked (was: once, and said 'cannot connect')");
    }
  }

  /** What downloading {@code url} through the HTTP proxy {@code host}:{@code port}, in a JVM of its own, fails with. */
  private static String download(String url, String host, int port) throws Exception {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), Download.class.getName(), url, host,
        String.valueOf(port)));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), out);
    return out.strip();
  }

  /** Downloads component file {@code args[0]} through the HTTP proxy {@code args[1]}:{@code args[2]}, and prints why it failed. */
  static final class Download {
    public static void main(String[] args) {
      ProxySelector.setDefault(ProxySelector.of(InetSocketAddress.createUnresolved(args[1], Integer.parseInt(args[2]))));
      try {
        ComponentYaml.read(URI.create(args[0]), Duration.ofSeconds(30));
        System.out.println("downloaded");
      } catch (SpecException e) {
        System.out.println(e.getMessage());
      }
    }
  }
}
