package dev.kfp4j.entrypoint;

import java.util.regex.Pattern;

/**
 * What an MLflow tracking server's URL may be, one rule for where a pipeline is tracked ({@code MlflowTracking}, the kfp4j
 * command's {@code mlflow.tracking_uri} and {@code MLFLOW_TRACKING_URI}) and for the steps in the project's image that reach
 * the server (the {@code kfp4j-mlflow} steps): {@code http://} or {@code https://} (in any case), a host, an optional port
 * and path, and nothing else.
 *
 * <ul>
 *   <li>No user info ({@code https://user:password@host}): the URI is written into every tracked step's environment, the
 *       pipeline uploaded and the local run folder's {@code workflow.json}, and Java's HTTP client, which the steps send
 *       with, sends no credentials from it. An {@code @} after the host ({@code http://mlflow:5000/p@th}) is none.
 *   <li>No query and no fragment ({@code http://mlflow:5000?token=abc}): written there in plain text too, and the steps
 *       add MLflow's REST paths to the URI as written ({@code /api/2.0/mlflow/runs/create}), which would end up in the
 *       query, or after a fragment no request sends, so every request would go to the server's {@code /}.
 *   <li>No whitespace anywhere ({@code http://mlflow:5000 }, a secret's value ending in a newline).
 * </ul>
 *
 * <p>{@link #faultOf} says which rule a URI breaks, and each side words its own error: neither shows the user info, the
 * query or the fragment.
 */
public final class TrackingServerUrls {
  private TrackingServerUrls() {}

  /** What is wrong with a tracking server's URL, each fault found in this order. */
  public enum Fault {
    /** A user name or password, before {@code @} in the authority, whatever the scheme. */
    USER_INFO,
    /** Neither {@code http://} nor {@code https://} first, or no host (and optional port) after it. */
    NOT_HTTP_URL,
    /** A query: a {@code ?}. */
    QUERY,
    /** A fragment: a {@code #}. */
    FRAGMENT,
    /** A space, tab or line break. */
    WHITESPACE
  }

  /** A URI's user info: what comes before {@code @} in its authority. */
  private static final Pattern USER_INFO = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*@");
  private static final Pattern HTTP = Pattern.compile("^(?i)https?://");
  /** A host (a name, or an IP address, IPv6 in brackets) and an optional port, then a path or nothing. */
  private static final Pattern HOST_AND_PORT = Pattern.compile("^(?i)https?://([^:@\\[\\]/]+|\\[[0-9a-f:.]+\\])(:[0-9]+)?(/.*)?$");

  /**
   * The first fault of {@code uri} as a tracking server's URL, or null when it is one.
   *
   * @throws NullPointerException when {@code uri} is null
   */
  public static Fault faultOf(String uri) {
    if (USER_INFO.matcher(uri).find()) {
      return Fault.USER_INFO;
    }
    if (!HTTP.matcher(uri).find()) {
      return Fault.NOT_HTTP_URL;
    }
    for (int i = 0; i < uri.length(); i++) {
      char c = uri.charAt(i);
      if (c == '?' || c == '#') {
        return c == '?' ? Fault.QUERY : Fault.FRAGMENT;
      }
    }
    if (uri.codePoints().anyMatch(Character::isWhitespace)) {
      return Fault.WHITESPACE;
    }
    return HOST_AND_PORT.matcher(uri).matches() ? null : Fault.NOT_HTTP_URL;
  }
}
