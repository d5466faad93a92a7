package dev.kfp4j.mlflow;

import dev.kfp4j.entrypoint.FileErrors;
import dev.kfp4j.entrypoint.HttpFailures;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystemException;
import java.time.Duration;
import java.util.Map;

/**
 * A failed call to a tracking server as a step or a component says it: one line, with the server (shown without its
 * credentials), the HTTP status and the server's own message ({@code RESOURCE_DOES_NOT_EXIST: Run 'x' not found}, as
 * MLflow's Python client says it), what to check, and never the credentials sent, even where a server or a proxy
 * echoes them. (MLflow's Java client's {@code MlflowHttpException} said {@code statusCode=401 reasonPhrase=[Unauthorized]
 * bodyMessage=[<the body as it came>]}.)
 */
final class Failures {
  private Failures() {}

  /**
   * What {@code e}, thrown calling {@code server} (null when unknown), says, on one line without credentials; after more
   * than one try ({@link Resender.GaveUp}), how many.
   */
  static String of(Throwable e, Servers server) {
    String said = server == null ? null : known(e, server);
    if (said == null) {
      if (e instanceof MlflowException && e.getMessage() != null) { // said already, by TrackingApi (through this method)
        return server == null ? oneLine(e.getMessage()) : server.redact(oneLine(e.getMessage()));
      }
      said = oneLine(words(e instanceof Resender.GaveUp ? e.getCause() : e));
      said = server == null ? said : server.redact(said);
    }
    return withTries(said, e);
  }

  /**
   * What {@code e}, as sending a request to {@code server} threw it (the HTTP client, through {@link Resender}), says: as
   * {@link #of}, and an exchange that broke in words ({@code the call to the tracking server http://mlflow:5000 failed: the
   * server closed the connection without an answer}), never the HTTP client's own text.
   */
  static String ofCall(IOException e, Servers server) {
    Throwable last = e instanceof Resender.GaveUp ? e.getCause() : e;
    if (known(e, server) != null || last instanceof FileNotFoundException || last instanceof FileSystemException) {
      return of(e, server); // said already, or a file of this machine
    }
    return withTries(server.redact("the call to the tracking server " + server + " failed: " + why(last, server)), e);
  }

  /**
   * What {@code e}, of no known kind, says: a local file's error in words ({@link FileErrors}: {@code /a/metrics.json: no such
   * file or folder}); kfp4j's own message where it wrote one; else the exception as Java shows it.
   */
  private static String words(Throwable e) {
    if (e instanceof FileSystemException f) {
      return FileErrors.why(f);
    }
    return e.getClass() == IOException.class && e.getMessage() != null ? e.getMessage() : e.toString();
  }

  /** {@code said}, and after more than one try ({@link Resender.GaveUp} in {@code e}), how many. */
  private static String withTries(String said, Throwable e) {
    int tries = 1;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Resender.GaveUp gaveUp) {
        tries = gaveUp.tries;
      }
    }
    return tries > 1 ? said + "; tried " + tries + " times (" + Retries.MAX_RETRIES_ENV + ")" : said;
  }

  /** What a failure {@code e} of a known kind says, or null. */
  private static String known(Throwable e, Servers server) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MlflowHttpException h) { // its message is already this one line (refusal)
        return h.getMessage();
      }
      // as TrackingApi and the uploads wrap them: MlflowException, IOException
      if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
          || t instanceof java.net.NoRouteToHostException || t instanceof java.net.http.HttpConnectTimeoutException) {
        return server.redact("cannot reach the tracking server " + server + ": " + why(t, server) + "; check mlflow.tracking_uri in"
            + " kfp4j.yaml (else " + Mlflow.TRACKING_URI_ENV + ") and that the server is up and reachable from where the step runs");
      }
      if (t instanceof Resender.UnreadableRetryAfter u) {
        return server.redact("the tracking server " + server + " answered " + u.status + " with a Retry-After that is neither a"
            + " number of seconds nor a date ('" + shown(u.header) + "'), which ends the call, as in MLflow's client; check the"
            + " server and any proxy before it, or set " + Retries.RESPECT_RETRY_AFTER_ENV + "=false to wait the backoff instead");
      }
      if (t instanceof IdleWatch.Stalled) { // an upload: reached, and its bytes stopped moving
        return server.redact("the tracking server " + server + " took the upload but nothing more of it was sent, and no answer"
            + " came, for " + server.timeout().toSeconds() + " s (" + Servers.TIMEOUT_ENV + "); check that it is an MLflow tracking"
            + " server that is up and not overloaded, or raise " + Servers.TIMEOUT_ENV);
      }
      if (t instanceof java.net.http.HttpTimeoutException) { // reached (a connect timeout is one too, and is the case above)
        return server.redact("the tracking server " + server + " took the request but did not answer within "
            + server.timeout().toSeconds() + " s (" + Servers.TIMEOUT_ENV + "); check that it is an MLflow tracking server that is"
            + " up and not overloaded, or raise " + Servers.TIMEOUT_ENV);
      }
    }
    return null;
  }

  /** A header's value as a message shows it: its first 100 characters. */
  private static String shown(String header) {
    return header.length() > 100 ? header.substring(0, 100) + "..." : header;
  }

  /** Why {@code error} failed a call to {@code server}, in words ({@link HttpFailures}). */
  private static String why(Throwable error, Servers server) {
    Duration timeout;
    try {
      timeout = server.timeout();
    } catch (IllegalArgumentException badSetting) {
      timeout = Servers.TIMEOUT;
    }
    try {
      return HttpFailures.why(URI.create(server.uri()), error, false, timeout);
    } catch (IllegalArgumentException notAUri) { // no request was sent to it
      return error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
    }
  }

  /**
   * {@code e}, thrown by {@link TrackingApi} calling {@code server}, as a component calling {@link Mlflow} gets it: a refusal
   * as it is ({@link #refusal}); a server not reached still a {@link MlflowException}, its message {@link #of}'s; anything
   * else as it is.
   */
  static RuntimeException shown(RuntimeException e, Servers server) {
    return e instanceof MlflowException && !(e instanceof MlflowHttpException) ? new MlflowException(of(e, server), e) : e;
  }

  /**
   * The server's answer {@code status} with {@code body} as thrown: its message {@link #refused}'s, MLflow's error code and
   * message from the body, any credential the server echoes in them as {@code ***}, the body itself not kept.
   */
  static MlflowHttpException refusal(Servers server, int status, String body) {
    Said said = said(server, body);
    return new MlflowHttpException(refused(server, status, said), status, said.code(), said.message());
  }

  /** The server's answer {@code status} with {@code body}: the status, the server's message and what to check. */
  static String refused(Servers server, int status, String body) {
    return refused(server, status, said(server, body));
  }

  private static String refused(Servers server, int status, Said said) {
    String message = said.code().isEmpty() ? said.message() : said.message().isEmpty() ? said.code() : said.code() + ": " + said.message();
    if (message.length() > 300) {
      message = message.substring(0, 300) + "...";
    }
    String hint = status == 401 || status == 403
        ? "; check MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD, where the step runs"
        : status == 404 && said.code().isEmpty() ? "; is " + server + " an MLflow tracking server (mlflow.tracking_uri in kfp4j.yaml,"
            + " else " + Mlflow.TRACKING_URI_ENV + ")?"
        : status == 502 || status == 503 || status == 504 ? "; the server or a proxy in front of it is not ready, try again" : "";
    return "the tracking server " + server + " answered " + status + (message.isEmpty() ? "" : ": " + message) + hint;
  }

  /** What an answer's body says: MLflow's error code and message, or a proxy's short text as the message. */
  private record Said(String code, String message) {}

  /**
   * MLflow's {@code {"error_code", "message"}} as its Python client shows them, a short text as it is, a web page not at
   * all; each on one line, without the credentials sent to {@code server}.
   */
  private static Said said(Servers server, String body) {
    if (body == null || body.isBlank()) {
      return new Said("", "");
    }
    try {
      Object json = JsonValues.parse(body);
      if (json instanceof Map<?, ?>) {
        return new Said(server.redact(oneLine(JsonValues.string(JsonValues.path(json, "error_code"), ""))),
            server.redact(oneLine(JsonValues.string(JsonValues.path(json, "message"), ""))));
      }
    } catch (IllegalArgumentException notJson) {
      // a proxy's text or page
    }
    return new Said("", body.length() < 200 && !body.stripLeading().startsWith("<") ? server.redact(oneLine(body)) : "");
  }

  private static String oneLine(String text) {
    return text.replaceAll("\\s+", " ").strip();
  }
}
