package dev.kfp4j.format;

/**
 * A pipeline file that a format's reader cannot turn into the model: not that format, broken, or
 * using something the model cannot hold. The message names the file and the place in it.
 */
public final class FormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FormatException(String message) {
    super(message);
  }

  public FormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
