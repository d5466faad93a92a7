package dev.kfp4j.client;

/**
 * A KFP or Argo API call that failed: the server answered with an error, or could not be reached.
 * The message is one line that says what to do; it never holds a credential.
 */
public final class KfpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;

  /** A failure with the server's HTTP status, or 0 when the server gave none. */
  public KfpException(int status, String message) {
    super(message);
    this.status = status;
  }

  KfpException(String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
  }

  /** The HTTP status the server answered, or 0 when there was no answer (unreachable, timed out). */
  public int status() {
    return status;
  }

  /** Whether the server said the thing asked for does not exist (HTTP 404). */
  public boolean notFound() {
    return status == 404;
  }
}
