package dev.kfp4j.cli;

/** A config file, option or argument the command cannot use; the message says what to write instead. */
public final class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ConfigException(String message) {
    super(message);
  }
}
