package dev.kfp4j.mlflow;

import org.mlflow.tracking.MlflowClientException;
import org.mlflow.tracking.MlflowHttpException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A failed call to a tracking server as a step or a component says it: one line, with the server (shown without its
 * credentials), the HTTP status and the server's own message ({@code RESOURCE_DOES_NOT_EXIST: Run 'x' not found}, as
 * MLflow's Python client says it), what to check, and never the credentials sent, even where a server or a proxy
 * echoes them. MLflow's {@code MlflowHttpException} says {@code statusCode=401 reasonPhrase=[Unauthorized]
 * bodyMessage=[<the body as it came>]}.
 */
final class Failures {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Failures() {}

  /** What {@code e}, thrown calling {@code server} (null when unknown), says, on one line without credentials. */
  static String of(Throwable e, Servers server) {
    for (Throwable t = e; t != null && server != null; t = t.getCause()) {
      if (t instanceof MlflowHttpException h) {
        return refused(server, h.getStatusCode(), h.getBodyMessage());
      }
      // as TrackingApi and the uploads wrap them: MlflowClientException, IOException
      if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
          || t instanceof java.net.NoRouteToHostException || t instanceof java.net.http.HttpConnectTimeoutException) {
        return server.redact("cannot reach the tracking server " + server + " (" + t.getClass().getSimpleName()
            + (t.getMessage() == null ? "" : ": " + t.getMessage()) + "); check mlflow.tracking_uri in kfp4j.yaml (else " + Mlflow.TRACKING_URI_ENV
            + ") and that the server is up and reachable from where the step runs");
      }
      if (t instanceof java.net.http.HttpTimeoutException) { // reached (a connect timeout is one too, and is the case above)
        return server.redact("the tracking server " + server + " took the request but did not answer within "
            + server.timeout().toSeconds() + " s (" + Servers.TIMEOUT_ENV + ", and a second more for each MiB uploaded);"
            + " check that it is an MLflow tracking server that is up and not overloaded, or raise " + Servers.TIMEOUT_ENV);
      }
    }
    // a MlflowClientException of TrackingApi's says what is wrong (MLFLOW_HTTP_REQUEST_TIMEOUT written wrong)
    String said = oneLine(e instanceof MlflowClientException && e.getMessage() != null ? e.getMessage() : e.toString());
    return server == null ? said : server.redact(said);
  }

  /**
   * {@code e}, thrown by {@link TrackingApi} calling {@code server}, as a component calling {@link Mlflow} gets it: a refusal
   * still a {@link MlflowHttpException} with its status, its message {@link #refused}'s, its body without credentials; a
   * server not reached still a {@link MlflowClientException}, its message {@link #of}'s; anything else as it is.
   */
  static RuntimeException shown(RuntimeException e, Servers server) {
    if (e instanceof MlflowHttpException h) {
      return new Refused(h, server);
    }
    return e instanceof MlflowClientException ? new MlflowClientException(of(e, server), e) : e;
  }

  /** A server's refusal, its message one line ({@link #refused}) rather than the body as it came. */
  private static final class Refused extends MlflowHttpException {
    private static final long serialVersionUID = 1L;
    private final String message;

    Refused(MlflowHttpException e, Servers server) {
      super(e.getStatusCode(), e.getReasonPhrase(), server.redact(e.getBodyMessage()));
      this.message = refused(server, e.getStatusCode(), e.getBodyMessage());
    }

    @Override
    public String getMessage() {
      return message;
    }
  }

  /** The server's answer {@code status} with {@code body}: the status, the server's message and what to check. */
  static String refused(Servers server, int status, String body) {
    String message = server.redact(message(body));
    if (message.length() > 300) {
      message = message.substring(0, 300) + "...";
    }
    String hint = status == 401 || status == 403
        ? "; check MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, where the step runs"
        : status == 404 && !isMlflowError(body) ? "; is " + server + " an MLflow tracking server (mlflow.tracking_uri in kfp4j.yaml,"
            + " else " + Mlflow.TRACKING_URI_ENV + ")?"
        : status == 502 || status == 503 || status == 504 ? "; the server or a proxy in front of it is not ready, try again" : "";
    return "the tracking server " + server + " answered " + status + (message.isEmpty() ? "" : ": " + message) + hint;
  }

  /** MLflow's {@code {"error_code", "message"}} as its Python client shows it, a short text as it is, a web page not at all. */
  private static String message(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode json = JSON.readTree(body);
      if (json.isObject()) {
        String code = json.path("error_code").asString("");
        String message = json.path("message").asString("");
        return oneLine(code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message);
      }
    } catch (JacksonException notJson) {
      // a proxy's text or page
    }
    return body.length() < 200 && !body.stripLeading().startsWith("<") ? oneLine(body) : "";
  }

  private static boolean isMlflowError(String body) {
    try {
      return body != null && JSON.readTree(body).has("error_code");
    } catch (JacksonException e) {
      return false;
    }
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
