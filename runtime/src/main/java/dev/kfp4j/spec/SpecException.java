package dev.kfp4j.spec;

/**
 * A component or workflow file that is not a valid spec. The message names the file, and where
 * the reader knows them the line, the column and the field: {@code add.yaml:12:7:
 * implementation.container.args[2]: unknown placeholder 'inputValu'; ...}.
 */
public final class SpecException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String field;

  public SpecException(String message) {
    super(message);
    this.line = 0;
    this.column = 0;
    this.field = null;
  }

  /**
   * An error at a field of {@code source}: {@code source:line:column: field: message}, or {@code
   * source: field: message} when the line is not known (0). {@code field} may be null for an error
   * that is not about one field, such as a YAML syntax error.
   */
  public SpecException(String source, int line, int column, String field, String message) {
    super(source + (line > 0 ? ":" + line + ":" + column : "") + ": " + (field == null ? "" : field + ": ") + message);
    this.line = line;
    this.column = column;
    this.field = field;
  }

  /** The line (from 1) of the offending field or text, or 0 when not known. */
  public int line() {
    return line;
  }

  /** The column (from 1) of the offending field or text, or 0 when not known. */
  public int column() {
    return column;
  }

  /** The offending field, such as {@code implementation.container.args[2]}, or null. */
  public String field() {
    return field;
  }
}
