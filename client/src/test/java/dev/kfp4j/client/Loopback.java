package dev.kfp4j.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 (a free port) that records every request and answers with what
 * the test's {@link Handler} says.
 */
final class Loopback implements AutoCloseable {
  /** One request as the server saw it. */
  record Request(String method, URI uri, Headers headers, String body) {
    String header(String name) {
      return headers.getFirst(name);
    }
  }

  /** An answer: status, content type, body and any other headers. */
  record Answer(int status, String contentType, String body, Map<String, String> headers) {
    Answer(int status, String contentType, String body) {
      this(status, contentType, body, Map.of());
    }

    static Answer json(int status, String body) {
      return new Answer(status, "application/json", body);
    }

    Answer withHeader(String name, String value) {
      Map<String, String> more = new LinkedHashMap<>(headers);
      more.put(name, value);
      return new Answer(status, contentType, body, more);
    }
  }

  @FunctionalInterface
  interface Handler {
    Answer answer(Request request) throws Exception;
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newCachedThreadPool();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  private Loopback(Handler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> handle(exchange, handler));
    server.setExecutor(executor);
    server.start();
  }

  static Loopback start(Handler handler) {
    try {
      return new Loopback(handler);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers every request 200 with {@code {}}. */
  static Loopback ok() {
    return start(r -> Answer.json(200, "{}"));
  }

  static void handle(HttpExchange exchange, Handler handler, List<Request> requests) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Request request = new Request(exchange.getRequestMethod(), exchange.getRequestURI(), exchange.getRequestHeaders(), body);
      requests.add(request);
      Answer answer;
      try {
        answer = handler.answer(request);
      } catch (Exception e) {
        answer = new Answer(599, "text/plain", "test handler failed: " + e);
      }
      byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", answer.contentType());
      answer.headers().forEach(exchange.getResponseHeaders()::set);
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    }
  }

  private void handle(HttpExchange exchange, Handler handler) throws IOException {
    handle(exchange, handler, requests);
  }

  /** {@code http://127.0.0.1:port}. */
  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  Request last() {
    return requests.get(requests.size() - 1);
  }

  KfpClient client(Auth auth) {
    return KfpClient.builder().host(url()).auth(auth).build();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
