package dev.kfp4j.mlflow;

/**
 * A call to a tracking server that failed: the server not reached, not answering within {@code
 * MLFLOW_HTTP_REQUEST_TIMEOUT} seconds, or answering what is not MLflow's JSON. Its message says which on one line, with
 * the server shown without its credentials, and what to check; never a credential. A server's refusal is the subclass
 * {@link MlflowHttpException}. Unchecked, as MLflow's own clients' exceptions are, so that a component's {@link Mlflow}
 * calls need no {@code throws}.
 */
public class MlflowException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public MlflowException(String message) {
    super(message);
  }

  public MlflowException(String message, Throwable cause) {
    super(message, cause);
  }
}
