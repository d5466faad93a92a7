package dev.kfp4j.client;

import dev.kfp4j.entrypoint.HttpFailures;
import dev.kfp4j.yaml.Yaml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON-over-HTTP transport the KFP and Argo clients share: credentials on every request, one
 * readable error line for every failure, and a debug log line per call that never shows a header.
 */
final class Http {
  private static final Logger log = LoggerFactory.getLogger(Http.class);

  /** How to check KFP's credentials, the ways in {@link Auth} has. */
  static final String KFP_CREDENTIALS = "check the credentials (token, token file, cookies, header or IAP client id)";
  /** How long a connection to the server may take to be made. */
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(15);

  private final URI base;
  /** The base as errors show it: without the credentials a URL may carry ({@link ShownUrl}). */
  private final String shownBase;
  private final HttpClient client;
  private final Auth auth;
  private final Redactor redactor;
  private final Duration timeout;
  private final String hostHint;
  /** Where the API is when the server answers that it has none ({@code "In Kubeflow, KFP's is ..."}). */
  private final String apiWhere;
  /** What to do when the server's certificate is not trusted. */
  private final String tlsAdvice;
  /** What to check when the server refuses the credentials: this server's ways in ({@link #KFP_CREDENTIALS}). */
  private final String credentials;

  /** Requests to {@code base}; {@code tls} null trusts the JDK's CAs. */
  Http(URI base, Auth auth, Tls tls, Duration timeout, String hostHint, String apiWhere, String credentials, Redactor redactor) {
    String b = base.toString();
    this.base = URI.create(b.endsWith("/") ? b.substring(0, b.length() - 1) : b);
    this.shownBase = ShownUrl.of(this.base);
    this.auth = auth;
    this.redactor = redactor;
    this.timeout = timeout;
    this.hostHint = hostHint;
    this.apiWhere = apiWhere;
    this.credentials = credentials;
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER);
    this.tlsAdvice = tls == null ? new Tls(null, false, null).advice() : tls.advice();
    if (tls != null && tls.context() != null) {
      builder.sslContext(tls.context());
    }
    this.client = builder.build();
  }

  URI base() {
    return base;
  }

  /** Query parameters in order; nulls left out. */
  static final class Query {
    private final List<String> parts = new ArrayList<>();

    Query add(String name, Object value) {
      if (value != null && !value.toString().isEmpty()) {
        parts.add(escape(name) + "=" + escape(value.toString()));
      }
      return this;
    }

    @Override
    public String toString() {
      return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }
  }

  /** {@code s} as a query's name or value holds it: URL-escaped, a space as {@code %20}. */
  static String escape(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  static Query query() {
    return new Query();
  }

  JsonNode get(String path, Query query) {
    return send("GET", path + query, null, null);
  }

  JsonNode delete(String path, Query query) {
    return send("DELETE", path + query, null, null);
  }

  JsonNode post(String path, Query query, JsonNode body) {
    return send("POST", path + query, body == null ? "" : withoutNulls(body).toString(), "application/json");
  }

  JsonNode put(String path, JsonNode body) {
    return send("PUT", path, body == null ? "" : withoutNulls(body).toString(), "application/json");
  }

  /** Fields left unset are left out, not sent as null, which the APIs' schemas do not allow. */
  private static JsonNode withoutNulls(JsonNode node) {
    if (node instanceof ObjectNode o) {
      ObjectNode copy = o.objectNode();
      o.properties().forEach(e -> {
        if (!e.getValue().isNull()) {
          copy.set(e.getKey(), withoutNulls(e.getValue()));
        }
      });
      return copy;
    }
    if (node instanceof ArrayNode a) {
      ArrayNode copy = a.arrayNode();
      a.forEach(e -> copy.add(withoutNulls(e)));
      return copy;
    }
    return node;
  }

  /** A multipart/form-data POST with one file field, as KFP's pipeline upload takes. */
  JsonNode upload(String path, Query query, String field, String fileName, byte[] content) {
    String boundary = "kfp4j-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    ByteArrayOutputStream body = new ByteArrayOutputStream(content.length + 256);
    String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
        + fileName.replace("\"", "") + "\"\r\nContent-Type: application/x-yaml\r\n\r\n";
    body.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send("POST", path + query, body.toByteArray(), "multipart/form-data; boundary=" + boundary);
  }

  private JsonNode send(String method, String pathAndQuery, Object body, String contentType) {
    URI uri = uri(method, pathAndQuery);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
    HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
        : body instanceof byte[] ? HttpRequest.BodyPublishers.ofByteArray((byte[]) body)
        : HttpRequest.BodyPublishers.ofString((String) body);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(method, publisher);
    String what = method + " " + uri.getRawPath();
    try {
      auth.apply(request);
    } catch (IllegalArgumentException e) {
      if (!String.valueOf(e.getMessage()).startsWith("invalid header value")) { // a header's name: "restricted header name: "Host""
        throw failure(0, "cannot authenticate " + what + ": " + e.getMessage(), e);
      } // the JDK's message quotes the header's value: "invalid header value: "Bearer ...""
      throw failure(0, "cannot authenticate " + what + ": a credential holds what a header cannot hold (a line break or another "
          + "control character); write it on one line and " + credentials, null);
    } catch (RuntimeException e) {
      throw e instanceof KfpException ? e : failure(0, "cannot authenticate " + what + ": " + e.getMessage(), e);
    }
    HttpRequest built = request.build();
    built.headers().map().forEach((name, values) -> {
      if (!name.equalsIgnoreCase("Accept") && !name.equalsIgnoreCase("Content-Type")) {
        values.forEach(value -> redactor.addHeader(name, value));
      }
    });
    long start = System.nanoTime();
    HttpResponse<InputStream> response = null;
    String text;
    try {
      response = client.send(built, HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = response.body()) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (HttpConnectTimeoutException | ConnectException e) {
      throw failure(0, "cannot reach " + shownBase + ": " + HttpFailures.why(base, e, false, CONNECT_TIMEOUT) + "; check the host ("
          + hostHint + ") and that the server is up and reachable from here", e);
    } catch (SSLException e) {
      throw failure(0, "TLS with " + shownBase + " failed: " + e.getMessage() + "; " + tlsAdvice + "; check the host ("
          + hostHint + ")", e);
    } catch (HttpTimeoutException e) {
      throw failure(0, what + " got no answer from " + shownBase + " within " + timeout.toSeconds() + " s; try again or raise the timeout", e);
    } catch (IOException e) { // reached, and the exchange broke: "HTTP/1.1 header parser received no bytes" said in words
      throw failure(0, what + " to " + shownBase + " failed: " + HttpFailures.why(base, e, response != null, timeout)
          + "; check the host (" + hostHint + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failure(0, what + " interrupted", e);
    }
    int status = response.statusCode();
    log.debug("{} -> {} ({} ms)", redactor.redact(what), status, (System.nanoTime() - start) / 1_000_000);
    if (status / 100 == 3) { // not followed: the API server does not redirect, a proxy in front of it may
      throw failure(status, what + " answered " + status + " redirecting to " + location(uri, response)
          + "; if that is a login page, " + credentials + ", else give that address as the host (" + hostHint + ")", null);
    }
    if (status / 100 != 2) {
      // redacted before the message is cut to length (a secret cut in two would no longer match), and as a whole
      JsonNode answer = json(text);
      String hint = hint(status);
      // KFP and Argo answer an unknown id with a JSON error; a 404 page is another server
      if (status == 404 && (answer == null || !answer.isObject())) {
        hint = "; " + shownBase + " has no such API: is it the API server (" + hostHint + ")? " + apiWhere;
      }
      throw failure(status, what + " answered " + status + reason(text, answer) + hint, null);
    }
    if (text.isBlank()) {
      return NullNode.getInstance();
    }
    try {
      return Yaml.json().readTree(text);
    } catch (JacksonException e) {
      throw failure(status, what + " answered " + status + " with a body that is not JSON; is "
          + shownBase + " the API server (" + hostHint + ")?", null);
    }
  }

  /**
   * The URL of a request: the base and {@code pathAndQuery}. One that is none (an id given with a space or a stray {@code %},
   * {@code kfp4j runs get 'a b'}) is an {@link IllegalArgumentException} naming the request's path, not the URL: the JDK's
   * message holds the whole URL, the password before the host and the query's values with it.
   */
  private URI uri(String method, String pathAndQuery) {
    try {
      return URI.create(base + pathAndQuery);
    } catch (IllegalArgumentException e) {
      String reason = e.getCause() instanceof java.net.URISyntaxException u ? u.getReason() : "not a URL";
      throw new IllegalArgumentException(method + " " + pathAndQuery.split("\\?", 2)[0] + " cannot be sent: " + reason
          + "; an id or name given holds a character a URL cannot hold (a space, a %, ...)");
    }
  }

  /**
   * The failure of a successful answer ({@code what}: its method and path) that holds not what was asked for ({@code
   * expected}, such as "a run"): as for a body that is not JSON, the host may be another server.
   */
  KfpException unexpected(String what, String expected) {
    return failure(0, what + " answered without " + expected + "; is " + shownBase + " the API server (" + hostHint + ")?", null);
  }

  /** A failure whose message holds no credential the requests carried, whatever its length. */
  private KfpException failure(int status, String message, Throwable cause) {
    return new KfpException(status, redactor.redact(message), cause);
  }

  /** Where a redirect points, without its query (a login page's state) nor a password in it; the caller redacts it. */
  private static String location(URI uri, HttpResponse<?> response) {
    String to = response.headers().firstValue("Location").orElse("").split("[?#]", 2)[0];
    try {
      return to.isEmpty() ? "nowhere" : ShownUrl.of(uri.resolve(to));
    } catch (IllegalArgumentException e) {
      return ShownUrl.of(to);
    }
  }

  /**
   * The server's own message, from KFP's or Argo's error body ({@code error}/{@code message}; {@code json} is the body read,
   * null when it is no JSON), on one line.
   */
  private String reason(String body, JsonNode json) {
    String message;
    if (json != null) {
      // KFP's upload endpoints answer {error_message, error_details}; the rest {error, code, message}; Argo {code, message}
      message = json.path("message").asString(json.path("error").asString(json.path("error_message").asString("")));
    } else {
      message = body.length() < 200 && !body.stripLeading().startsWith("<") ? body : ""; // a short text, not a web page's markup
    }
    // redacted as the server wrote it (unescaped from JSON), and again once on one line, before it is cut to length:
    // a secret cut in two would no longer match
    message = redactor.redact(redactor.redact(message).replaceAll("\\s+", " ").strip());
    if (message.length() > 300) {
      message = message.substring(0, 300) + "...";
    }
    return message.isEmpty() ? "" : ": " + message;
  }

  /** {@code text} read as JSON, or null when it is none. */
  private static JsonNode json(String text) {
    try {
      return Yaml.json().readTree(text);
    } catch (JacksonException e) {
      return null;
    }
  }

  private String hint(int status) {
    if (status == 401 || status == 403) {
      return "; " + credentials + " and the namespace";
    }
    if (status == 502 || status == 503 || status == 504) {
      return "; the server or a proxy in front of it is not ready, try again";
    }
    return "";
  }

  /**
   * Asks {@code get} every {@code interval} until {@code done}; past {@code timeout}, a
   * {@link KfpException#stillGoing()} exception with {@code stillGoing}'s message for the last answer.
   */
  static <T> T poll(java.util.function.Supplier<T> get, java.util.function.Predicate<T> done, Duration timeout,
      Duration interval, java.util.function.Function<T, String> stillGoing) {
    java.time.Instant deadline = java.time.Instant.now().plus(timeout);
    while (true) {
      T answer = get.get();
      if (done.test(answer)) {
        return answer;
      }
      Duration left = Duration.between(java.time.Instant.now(), deadline);
      if (left.isNegative() || left.isZero()) {
        throw KfpException.stillGoing(stillGoing.apply(answer));
      }
      try { // the last look is at the deadline, not an interval before it: --timeout 3 waits 3 s, not none
        Thread.sleep(Math.max(1, Math.min(interval.toMillis(), left.toMillis())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new KfpException("interrupted while waiting", e);
      }
    }
  }
}
