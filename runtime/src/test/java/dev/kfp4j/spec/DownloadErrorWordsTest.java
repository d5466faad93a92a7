package dev.kfp4j.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A component file that cannot be downloaded says why in words, as a local file that cannot be read does: {@code cannot
 * download URL: connection refused}. Before, it said what Java's HTTP client threw ({@code URL: cannot read:
 * java.net.ConnectException}, an empty message, {@code the server answered HTTP 404}); against real servers on loopback.
 */
class DownloadErrorWordsTest {
  /** For downloads that end at once: long, so a loaded machine does not cut them off. */
  private static final Duration AMPLE = Duration.ofSeconds(30);

  private HttpServer server;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/missing.yaml", exchange -> {
      exchange.sendResponseHeaders(404, -1);
      exchange.close();
    });
    server.createContext("/teapot.yaml", exchange -> {
      exchange.sendResponseHeaders(418, -1);
      exchange.close();
    });
    server.createContext("/broken.yaml", exchange -> {
      exchange.sendResponseHeaders(503, -1);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private static String failure(String url) {
    return assertThrows(SpecException.class, () -> ComponentYaml.read(URI.create(url), AMPLE), url).getMessage();
  }

  private String base() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Test
  void aStatusIsSaidWithItsReason() {
    assertEquals("cannot download " + base() + "/missing.yaml: the server answered 404 Not Found", failure(base() + "/missing.yaml"));
    assertEquals("cannot download " + base() + "/broken.yaml: the server answered 503 Service Unavailable",
        failure(base() + "/broken.yaml"));
    assertEquals("cannot download " + base() + "/teapot.yaml: the server answered 418", failure(base() + "/teapot.yaml"));
  }

  @Test
  void aUrlsCredentialsAreNotShown() {
    String url = "http://user:s3cret@127.0.0.1:" + server.getAddress().getPort() + "/missing.yaml?token=abc123&v=2#part";
    String shown = "http://***@127.0.0.1:" + server.getAddress().getPort() + "/missing.yaml?token=***&v=***#part";
    assertEquals("cannot download " + shown + ": the server answered 404 Not Found", failure(url));
    String token = "http://ghp_T0KEN@127.0.0.1:" + server.getAddress().getPort() + "/missing.yaml";
    assertEquals("cannot download http://***@127.0.0.1:" + server.getAddress().getPort() + "/missing.yaml: the server answered "
        + "404 Not Found", failure(token));
    assertEquals("ftp://***@host/x.yaml?sig=***: not a URL kfp4j reads; use http(s), file or jar:file",
        failure("ftp://user:pw@host/x.yaml?sig=xyz"));
  }

  @Test
  void aClosedPortIsAConnectionRefused() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    String url = "http://127.0.0.1:" + port + "/x.yaml";
    assertEquals("cannot download " + url + ": connection refused", failure(url)); // was "URL: cannot read: java.net.ConnectException"
  }

  /**
   * The failure of a download from a server on loopback that answers each connection, once its first byte came, with {@code
   * reply} (none: nothing), then closes it; {@code scheme}: http or https.
   */
  private static String failureFromRaw(String scheme, String reply) throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> {
        while (!socket.isClosed()) {
          try (Socket s = socket.accept()) {
            s.getInputStream().read(); // the request begins
            s.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
          } catch (IOException e) {
            // the test ended
          }
        }
      });
      server.setDaemon(true);
      server.start();
      String url = scheme + "://127.0.0.1:" + socket.getLocalPort() + "/x.yaml";
      String message = failure(url);
      String start = "cannot download " + url + ": ";
      assertTrue(message.startsWith(start), message);
      return message.substring(start.length());
    }
  }

  @Test
  void aServerThatClosesTheConnectionUnansweredSaysSo() throws Exception {
    assertEquals("the server closed the connection without an answer", failureFromRaw("http", ""));
  }

  @Test
  void httpsToAServerThatSpeaksPlainHttpSaysTheSecureConnectionFailed() throws Exception {
    String why = failureFromRaw("https", "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
    assertTrue(why.startsWith("no secure connection (TLS): "), why);
    assertFalse(why.contains("Exception"), why);
  }

  @Test
  void anUnknownHostIsSaidByName() {
    String url = "http://no-such-host.invalid/x.yaml"; // .invalid never resolves (RFC 2606)
    assertEquals("cannot download " + url + ": unknown host no-such-host.invalid", failure(url));
  }
}
