package dev.kfp4j.entrypoint;

/** A bad command-line argument: the entrypoint prints the usage line and this message, exit code 2. */
public final class UsageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
