package dev.kfp4j.yaml;

import tools.jackson.databind.node.StringNode;

/**
 * A JSON text written with escapes ({@code "a\/b"}, a letter as its code), kept as written, as Go's {@code json.RawMessage}
 * keeps it ({@link Yaml#readJsonAsRaw}); its value is the unescaped text, and {@link Yaml#jsonText} writes it as
 * written.
 */
final class WrittenString extends StringNode {
  /** The JSON text as written, quotes included. */
  final String json;

  WrittenString(String value, String json) {
    super(value);
    this.json = json;
  }
}
