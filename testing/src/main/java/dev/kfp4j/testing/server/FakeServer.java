package dev.kfp4j.testing.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.kfp4j.yaml.Yaml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the fake servers share: a real HTTP server on loopback, one handler, an optional required
 * credential, a log of every request, and one injected failure on demand. Thread-safe: requests
 * are handled one at a time.
 */
public abstract class FakeServer implements AutoCloseable {
  /** A request as the server received it. */
  public record Request(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {}

  /** An error answer: HTTP status and body. */
  static final class Answer extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final JsonNode body;

    Answer(int status, JsonNode body) {
      super(null, null, false, false);
      this.status = status;
      this.body = body;
    }
  }

  private final HttpServer server;
  private final List<Request> requests = new ArrayList<>();
  private String header;
  private String expected;
  private int failStatus;
  private String failMessage;
  private String failAt;

  FakeServer() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.createContext("/", this::exchange);
    server.start();
  }

  /** The server's address, {@code http://127.0.0.1:<port>}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers 401 to requests without {@code Authorization: Bearer <token>}. */
  public synchronized void requireBearer(String token) {
    requireHeader("Authorization", "Bearer " + token);
  }

  /** Answers 401 to requests without this header value (a cookie, a proxy's header). */
  public synchronized void requireHeader(String name, String value) {
    this.header = name;
    this.expected = value;
  }

  /** The next request with this method and path (only it) is answered with this status and message. */
  public synchronized void failNextAt(String method, String path, int status, String message) {
    this.failAt = method + " " + path;
    this.failStatus = status;
    this.failMessage = message;
  }

  /** Every request received so far, in order. */
  public synchronized List<Request> requests() {
    return List.copyOf(requests);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** Handles one request: the answer's body, or an {@link Answer} for an error. */
  abstract JsonNode handle(String method, String path, Map<String, String> query, String contentType, byte[] body);

  /** The error body shape of this API. */
  abstract JsonNode error(int status, String message);

  private synchronized void exchange(HttpExchange x) throws IOException {
    byte[] body = x.getRequestBody().readAllBytes();
    String method = x.getRequestMethod();
    String path = x.getRequestURI().getRawPath();
    Map<String, String> query = query(x.getRequestURI().getRawQuery());
    Map<String, String> headers = new LinkedHashMap<>();
    x.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), String.join(",", v)));
    requests.add(new Request(method, path, query, headers, new String(body, StandardCharsets.UTF_8)));
    int status = 200;
    JsonNode answer;
    try {
      if (header != null && !expected.equals(x.getRequestHeaders().getFirst(header))) {
        throw new Answer(401, error(401, "Unauthenticated: no valid credential"));
      }
      if (failStatus != 0 && failAt.equals(method + " " + path)) {
        int s = failStatus;
        failStatus = 0;
        throw new Answer(s, error(s, failMessage));
      }
      answer = handle(method, URLDecoder.decode(path, StandardCharsets.UTF_8), query, x.getRequestHeaders().getFirst("Content-Type"), body);
    } catch (Answer a) {
      status = a.status;
      answer = a.body;
    } catch (RuntimeException e) {
      status = 500;
      answer = error(500, "fake server: " + e);
    }
    byte[] out = answer.toString().getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", "application/json");
    x.sendResponseHeaders(status, out.length);
    x.getResponseBody().write(out);
    x.close();
  }

  Answer answer(int status, String message) {
    return new Answer(status, error(status, message));
  }

  static tools.jackson.databind.node.ArrayNode array() {
    return Yaml.json().createArrayNode();
  }

  static ObjectNode object() {
    return Yaml.json().createObjectNode();
  }

  static JsonNode json(byte[] body) {
    try {
      return Yaml.json().readTree(body);
    } catch (RuntimeException e) {
      throw new Answer(400, object().put("error", "body is not JSON").put("message", "body is not JSON"));
    }
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> q = new LinkedHashMap<>();
    if (raw != null) {
      for (String part : raw.split("&")) {
        int eq = part.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
        q.put(k, eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }
}
