package dev.kfp4j.spec;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.entrypoint.HttpFailures;
import dev.kfp4j.entrypoint.UrlTexts;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * A component file's download that failed, in words, as {@link FileErrors} says a local file's: the problem, then why
 * ({@code cannot download https://host/x.yaml: connection refused}, the why as {@link HttpFailures} says it), never by the name of a Java
 * exception alone, the URL without its credentials ({@link dev.kfp4j.entrypoint.UrlTexts}).
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
    return new SpecException("cannot download " + UrlTexts.shown(uri.toString()) + ": " + why);
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
    return answered && !(error instanceof HttpConnectTimeoutException)
        ? "the download did not complete in " + HttpFailures.seconds(timeout) + "; the server is too slow or stalled"
        : HttpFailures.timedOut(error, timeout);
  }
}
