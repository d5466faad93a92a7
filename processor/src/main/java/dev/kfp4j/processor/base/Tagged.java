package dev.kfp4j.processor.base;

/**
 * A message the processor prints, from one of its catalogues ({@link Message}, {@link FormatMessage}): a stable tag shown
 * in brackets, then the text. {@link Reporter} reports any of them.
 */
public interface Tagged {
  /** The tag printed in brackets, e.g. {@code kfp4j:NotStatic}. */
  String tag();

  /** The message with {@code args} put in: {@code [kfp4j:NotStatic] ...}. */
  String format(Object... args);

  /** The tag of a message named {@code name}: its name in camel case, {@code NOT_STATIC} is {@code kfp4j:NotStatic}. */
  static String camelTag(String name) {
    StringBuilder sb = new StringBuilder("kfp4j:");
    boolean upper = true;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        sb.append(upper ? c : Character.toLowerCase(c));
        upper = false;
      }
    }
    return sb.toString();
  }
}
