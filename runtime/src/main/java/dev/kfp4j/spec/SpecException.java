package dev.kfp4j.spec;

/** A component or workflow file that is not a valid spec; the message names the file and field. */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SpecException(String message) {
    super(message);
  }
}
