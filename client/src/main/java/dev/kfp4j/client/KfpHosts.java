package dev.kfp4j.client;

import java.net.URI;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Where a {@link KfpClient}'s requests go and its links point: the host given, else {@value KfpClient#ENDPOINT_ENV}, else in
 * a pod KFP's own service ({@value KfpClient#IN_CLUSTER_HOST}); the UI's address given, else {@value
 * KfpClient#UI_ENDPOINT_ENV}, else the host, without the credentials a URL may carry.
 */
final class KfpHosts {
  /** What the errors of a host written wrong say to write. */
  private static final String WRITE_IT = "write it as http(s)://host[:port][/path]";

  private KfpHosts() {}

  /**
   * The API endpoint's text: {@code host}, else the one {@code env} gives; {@code option} names the option that sets it, for
   * the error when there is none.
   *
   * @throws KfpException when there is no host
   */
  static String api(String host, Function<String, String> env, String option) {
    String h = host != null && !host.isBlank() ? host : env.apply(KfpClient.ENDPOINT_ENV);
    if ((h == null || h.isBlank()) && env.apply(KfpClient.IN_CLUSTER_ENV) != null) { // in a pod, as KFP's client: its service's DNS name
      h = KfpClient.IN_CLUSTER_HOST;
    }
    if (h == null || h.isBlank()) {
      throw new KfpException(0, "no KFP host: pass " + option + " (or 'host' in the config file) or set " + KfpClient.ENDPOINT_ENV
          + ", such as http://localhost:8080 after 'kubectl port-forward -n kubeflow svc/ml-pipeline-ui 8080:80'");
    }
    return h;
  }

  /**
   * Host {@code h} as a URL, {@code scheme} before it when it has none; an error shows it as {@link ShownUrl} does (without
   * the user name and password it may carry, its query's values masked) and names the credential options through {@code
   * option}.
   *
   * <p>A host with a query or a fragment ({@code https://kfp.example/?token=...}) is refused: the API's paths are added to
   * the host, after it, so the request went to the host's root with the path inside the query's last value (KFP's own
   * client cannot use such a host either).
   *
   * @throws KfpException when it is no http(s) URL naming a host, or has a query or a fragment
   */
  static URI uri(String h, String scheme, UnaryOperator<String> option) {
    URI uri;
    try {
      uri = URI.create(withScheme(h.strip(), scheme));
    } catch (IllegalArgumentException e) {
      throw new KfpException(0, "host '" + ShownUrl.of(h) + "' is not a URL; " + WRITE_IT);
    }
    if (uri.getHost() == null) {
      throw new KfpException(0, "host '" + ShownUrl.of(h) + "' names no host; " + WRITE_IT);
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
      throw new KfpException(0, "host '" + ShownUrl.of(h) + "' has " + (uri.getRawQuery() != null ? "a query" : "a fragment")
          + ", which kfp4j cannot send: the API's paths are added to the host; " + WRITE_IT + " and give a credential with "
          + option.apply("--token-file") + ", " + option.apply("--header") + " or " + option.apply("--cookies")
          + " (or the config's auth)");
    }
    return uri;
  }

  /**
   * The UI's address for links: {@code uiHost}, else {@value KfpClient#UI_ENDPOINT_ENV}'s in {@code env}, else null (the
   * host's).
   *
   * @throws KfpException when the variable's value is no URL, shown without the credentials it may carry (the JDK's error
   *     showed it whole)
   */
  static URI ui(URI uiHost, Function<String, String> env) {
    String given = env.apply(KfpClient.UI_ENDPOINT_ENV);
    if (uiHost != null || given == null || given.isBlank()) {
      return uiHost;
    }
    try {
      return URI.create(withScheme(given));
    } catch (IllegalArgumentException e) {
      throw new KfpException(0, KfpClient.UI_ENDPOINT_ENV + " '" + ShownUrl.of(given) + "' is not a URL; " + WRITE_IT);
    }
  }

  /**
   * {@code h} with {@code http://} before it when it has no scheme; another scheme than http(s)
   * is refused (it once became {@code http://ftp://host}, a request, credentials and all, to a
   * host named {@code ftp}).
   */
  private static String withScheme(String h) {
    return withScheme(h, "http://");
  }

  /** {@code h} with {@code scheme} before it when it has none; refused when it has another than http(s). */
  static String withScheme(String h, String scheme) {
    int at = h.indexOf("://");
    if (h.regionMatches(true, 0, "http://", 0, 7) || h.regionMatches(true, 0, "https://", 0, 8)) {
      return h.substring(0, at).toLowerCase(java.util.Locale.ROOT) + h.substring(at);
    }
    if (at > 0) {
      throw new KfpException(0, "host '" + ShownUrl.of(h) + "' is not an http(s) address; " + WRITE_IT);
    }
    return scheme + h;
  }

  /**
   * {@code uri} without the user name and password it may carry ({@code http://user:pw@host}): the
   * UI's links are printed for people to open, and a credential is never printed.
   */
  static URI withoutUserInfo(URI uri) {
    String info = uri.getRawUserInfo();
    if (info == null) {
      return uri;
    }
    String text = uri.toString();
    int at = text.indexOf(info + "@");
    return URI.create(text.substring(0, at) + text.substring(at + info.length() + 1));
  }
}
