package dev.kfp4j.mlflow;

/**
 * A tracking server's refusal: its HTTP status, and MLflow's {@code error_code} and {@code message} from the answer
 * ({@code RESOURCE_DOES_NOT_EXIST}, {@code Run 'x' not found}). The message says the server, the status, MLflow's
 * message as its Python client shows it and what to check, on one line ({@code the tracking server http://mlflow:5000
 * answered 403: PERMISSION_DENIED: ...}); a credential the server echoes is {@code ***} in all of them.
 */
public class MlflowHttpException extends MlflowException {
  private static final long serialVersionUID = 1L;
  private final int statusCode;
  private final String errorCode;
  private final String serverMessage;

  /** {@code errorCode} and {@code serverMessage}: MLflow's, from the answer, or {@code ""} when it had none. */
  public MlflowHttpException(String message, int statusCode, String errorCode, String serverMessage) {
    super(message);
    this.statusCode = statusCode;
    this.errorCode = errorCode == null ? "" : errorCode;
    this.serverMessage = serverMessage == null ? "" : serverMessage;
  }

  /** The HTTP status the server answered ({@code 401}, {@code 404}, {@code 503}, ...). */
  public int getStatusCode() {
    return statusCode;
  }

  /**
   * MLflow's {@code error_code} ({@code RESOURCE_DOES_NOT_EXIST}, {@code PERMISSION_DENIED}, ...), or {@code ""} when the
   * answer was not MLflow's JSON (a proxy's).
   */
  public String getErrorCode() {
    return errorCode;
  }

  /** MLflow's {@code message}, or a proxy's short text answer, on one line; {@code ""} when there was none (a web page). */
  public String getServerMessage() {
    return serverMessage;
  }
}
