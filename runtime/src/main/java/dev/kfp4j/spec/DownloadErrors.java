package dev.kfp4j.spec;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLException;

/**
 * A component file's download that failed, in words, as {@link FileErrors} says a local file's: the problem, then why
 * ({@code cannot download https://host/x.yaml: connection refused}), never by the name of a Java exception alone, the URL
 * without its credentials ({@link ShownUris}).
 */
final class DownloadErrors {
  /** The reason phrases of the statuses a server most often answers a download with (RFC 9110). */
  private static final Map<Integer, String> REASONS = Map.ofEntries(Map.entry(204, "No Content"),
      Map.entry(300, "Multiple Choices"), Map.entry(301, "Moved Permanently"), Map.entry(302, "Found"),
      Map.entry(303, "See Other"), Map.entry(304, "Not Modified"), Map.entry(307, "Temporary Redirect"),
      Map.entry(308, "Permanent Redirect"), Map.entry(400, "Bad Request"), Map.entry(401, "Unauthorized"),
      Map.entry(403, "Forbidden"), Map.entry(404, "Not Found"), Map.entry(405, "Method Not Allowed"),
      Map.entry(406, "Not Acceptable"), Map.entry(407, "Proxy Authentication Required"), Map.entry(408, "Request Timeout"),
      Map.entry(410, "Gone"), Map.entry(429, "Too Many Requests"), Map.entry(451, "Unavailable For Legal Reasons"),
      Map.entry(500, "Internal Server Error"), Map.entry(501, "Not Implemented"), Map.entry(502, "Bad Gateway"),
      Map.entry(503, "Service Unavailable"), Map.entry(504, "Gateway Timeout"));

  private DownloadErrors() {}

  /** {@code cannot download URI: WHY}. */
  static SpecException failed(URI uri, String why) {
    return new SpecException("cannot download " + ShownUris.of(uri) + ": " + why);
  }

  /** A server that answered {@code status}: {@code the server answered 404 Not Found}. */
  static String answered(int status) {
    String reason = REASONS.get(status);
    return "the server answered " + status + (reason == null ? "" : " " + reason);
  }

  /**
   * Time ({@code timeout}) was up: before it could connect, before the server answered ({@code answered}: it sent its
   * headers), or before the whole file came.
   */
  static String tooSlow(Throwable error, boolean answered, Duration timeout) {
    String bound = seconds(timeout);
    if (error instanceof HttpConnectTimeoutException) {
      return "no connection in " + bound;
    }
    return answered ? "the download did not complete in " + bound + "; the server is too slow or stalled" : "no answer in " + bound;
  }

  /**
   * Why the exchange with the server of {@code uri} failed with {@code error} (what the HTTP client threw, or what it
   * wraps), {@code answered}: after the server sent its headers; {@code timeout}: the download's bound.
   */
  static String why(URI uri, Throwable error, boolean answered, Duration timeout) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof UnresolvedAddressException || t instanceof UnknownHostException) {
        return "unknown host " + uri.getHost();
      }
      if (t instanceof SSLException) {
        return "no secure connection (TLS): " + words(t);
      }
      if (t instanceof EOFException) {
        return answered ? "the server closed the connection before the end of the file"
            : "the server closed the connection without an answer";
      }
    }
    Throwable deepest = error;
    while (deepest.getCause() != null) {
      deepest = deepest.getCause();
    }
    if (error instanceof ConnectException) { // Java's HTTP client says no more (on Linux: a ClosedChannelException): ask again
      return deepest.getMessage() != null ? words(deepest) : unreachable(uri, timeout);
    }
    return (answered ? "the connection broke during the download: " : "the connection broke: ") + words(deepest);
  }

  /**
   * Why the server of {@code uri} cannot be reached, as the system says when asked with a plain connection within {@code
   * timeout} (at most 5 s): {@code connection refused}, {@code no route to host}.
   */
  private static String unreachable(URI uri, Duration timeout) {
    int port = uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(uri.getHost(), port), (int) Math.min(timeout.toMillis(), 5000));
      return "cannot connect"; // it can now: what stood in the way is gone
    } catch (UnknownHostException e) {
      return "unknown host " + uri.getHost();
    } catch (SocketTimeoutException e) {
      return "no connection in " + seconds(timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5));
    } catch (IOException | RuntimeException e) {
      return e.getMessage() == null ? "cannot connect" : words(e);
    }
  }

  /** What {@code t} says, its first letter lower case ({@code Connection refused}: {@code connection refused}). */
  private static String words(Throwable t) {
    String message = t.getMessage();
    if (message == null || message.isBlank()) {
      return t.getClass().getSimpleName();
    }
    return message.length() > 1 && Character.isLowerCase(message.charAt(1))
        ? message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1) : message;
  }

  /** {@code 30 s}, {@code 1500 ms}. */
  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }
}
