package dev.kfp4j.client;

/**
 * A KFP or Argo API call that failed: the server answered with an error, or could not be reached.
 * The message is one line that says what to do; it never holds a credential.
 */
public final class KfpException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final boolean stillGoing;

  /** A failure with the server's HTTP status, or 0 when the server gave none. */
  public KfpException(int status, String message) {
    this(status, message, null, false);
  }

  KfpException(String message, Throwable cause) {
    this(0, message, cause, false);
  }

  KfpException(int status, String message, Throwable cause) {
    this(status, message, cause, false);
  }

  private KfpException(int status, String message, Throwable cause, boolean stillGoing) {
    super(message, cause);
    this.status = status;
    this.stillGoing = stillGoing;
  }

  /** A wait that ended while the run or workflow went on. */
  static KfpException stillGoing(String message) {
    return new KfpException(0, message, null, true);
  }

  /**
   * Whether a wait ({@link KfpClient#waitForRun}, {@link ArgoClient#waitFor}) ended before the run
   * or workflow did: nothing failed, it goes on on the server.
   */
  public boolean stillGoing() {
    return stillGoing;
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
