package dev.kfp4j.mlflow;

import dev.kfp4j.entrypoint.TrackingServerUrls;
import dev.kfp4j.entrypoint.UrlTexts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Function;

/**
 * How to reach a tracking server, with the credentials MLflow's own clients read from the
 * environment: {@code MLFLOW_TRACKING_TOKEN} (a bearer token), else {@code
 * MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD} (basic auth), else none; and how long a request
 * ({@link TrackingApi}, an artifact upload) waits for the server, {@code MLFLOW_HTTP_REQUEST_TIMEOUT} seconds as MLflow's Python client
 * reads it, else its default, 120 ({@code timeoutSetting}, the variable's value, read when a request is made, as MLflow's
 * Python client reads it: a value written wrong fails each request, saying what to give, not the naming of the server);
 * and how a request the server does not answer, or answers busy or failing, is sent again ({@link Retries}, MLflow's
 * variables too).
 */
record Servers(String uri, String token, String username, String password, String timeoutSetting, Retries retries) {
  /** How long a request waits for the server, in seconds, as MLflow's Python client reads it. */
  static final String TIMEOUT_ENV = "MLFLOW_HTTP_REQUEST_TIMEOUT";
  /** MLflow's default {@link #TIMEOUT_ENV}. */
  static final Duration TIMEOUT = Duration.ofSeconds(120);

  Servers(String uri, String token, String username, String password) {
    this(uri, token, username, password, null, Retries.DEFAULT);
  }

  /**
   * The server at {@code uri} with {@code env}'s credentials and timeout.
   *
   * @throws MlflowException when {@code uri} is no tracking server's URL ({@link TrackingServerUrls}, the rule kfp4j's
   *     command checks {@code mlflow.tracking_uri} by), saying what to give and never the credentials or query it holds
   */
  static Servers of(String uri, Function<String, String> env) {
    TrackingServerUrls.Fault fault = TrackingServerUrls.faultOf(uri);
    if (fault != null) {
      throw new MlflowException(refusal(uri, fault));
    }
    return new Servers(uri, blankToNull(env.apply("MLFLOW_TRACKING_TOKEN")), blankToNull(env.apply("MLFLOW_TRACKING_USERNAME")),
        blankToNull(env.apply("MLFLOW_TRACKING_PASSWORD")), blankToNull(env.apply(TIMEOUT_ENV)), Retries.of(env));
  }

  /** Why the steps cannot take tracking URI {@code uri}, which has {@code fault}, and what to give instead. */
  private static String refusal(String uri, TrackingServerUrls.Fault fault) {
    String where = " (mlflow.tracking_uri in kfp4j.yaml, else " + Mlflow.TRACKING_URI_ENV + ")";
    String secret = "on the cluster from a Kubernetes secret (mlflow.credentials_secret and mlflow.credentials_keys)";
    return switch (fault) {
      case USER_INFO -> "the tracking URI" + where + " has credentials in it (before '@'), which kfp4j's MLflow steps do"
          + " not send: name the server alone, and give the credentials as MLFLOW_TRACKING_USERNAME and"
          + " MLFLOW_TRACKING_PASSWORD (or MLFLOW_TRACKING_TOKEN), " + secret;
      case QUERY, FRAGMENT -> "the tracking URI" + where + " has "
          + (fault == TrackingServerUrls.Fault.QUERY ? "a query (after '?')" : "a fragment (after '#')")
          + ", which every tracked step would carry in plain text and MLflow's REST API does not take (kfp4j's MLflow"
          + " steps add /api/2.0/mlflow/... to the server's URL): name the server alone, such as"
          + " http://mlflow.kubeflow:5000, and give a token as MLFLOW_TRACKING_TOKEN, " + secret;
      case WHITESPACE -> "the tracking URI" + where + " has whitespace in it (a space, tab or line break, such as a"
          + " secret's value ending in a newline): name the server alone, such as http://mlflow.kubeflow:5000";
      case NOT_HTTP_URL -> "the tracking URI '" + UrlTexts.shown(uri) + "' is not an http:// or https:// URL: kfp4j's"
          + " MLflow steps reach a tracking server through MLflow's REST API; name the server, such as"
          + " http://mlflow.kubeflow:5000" + where;
    };
  }

  /**
   * How long a request waits for the server.
   *
   * @throws IllegalArgumentException when {@link #TIMEOUT_ENV} is not a whole number of seconds above 0
   */
  Duration timeout() {
    if (timeoutSetting == null) {
      return TIMEOUT;
    }
    if (timeoutSetting.strip().matches("0*[1-9][0-9]{0,8}")) {
      return Duration.ofSeconds(Long.parseLong(timeoutSetting.strip()));
    }
    throw new IllegalArgumentException(TIMEOUT_ENV + " is '" + timeoutSetting + "'; give a whole number of seconds above 0, "
        + "such as " + TIMEOUT.toSeconds() + " (MLflow's default)");
  }

  /** The {@code Authorization} header of a request, or null. */
  String authorization() {
    if (token != null) {
      return "Bearer " + token;
    }
    if (username != null) {
      String pair = username + ":" + (password == null ? "" : password);
      return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
    return null;
  }

  /** {@code text} with the credentials this server is sent ({@link #authorization()} and its parts) as {@code ***}. */
  String redact(String text) {
    String a = authorization();
    for (String secret : new String[] {a, a == null ? null : a.substring(a.indexOf(' ') + 1), token, password}) {
      if (secret != null && !secret.isBlank() && text != null) {
        text = text.replace(secret, "***");
      }
    }
    return text;
  }

  /**
   * The server's URL as a message shows it: never the credentials, a {@code user:password@} in it as {@code ***@}, and the
   * value of each query parameter as {@code ***} ({@code ?token=***}), as the kfp4j command shows a URL ({@link UrlTexts}).
   */
  @Override
  public String toString() {
    return UrlTexts.shown(uri);
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
