package dev.kfp4j.spec;

import dev.kfp4j.yaml.Yaml;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonPointer;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Where a value sits in a spec file, as the reader walks it: shown as {@code
 * implementation.container.args[2]} (a key that is not a plain name in quotes: {@code
 * tasks['Xgboost train']}), and found in the file's text by {@link #locate}.
 */
final class FieldPath {
  static final FieldPath ROOT = new FieldPath(null, null, -1);
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

  private final FieldPath parent;
  private final String key;
  private final int index;

  private FieldPath(FieldPath parent, String key, int index) {
    this.parent = parent;
    this.key = key;
    this.index = index;
  }

  /** The value at {@code key} of this mapping. */
  FieldPath key(String key) {
    return new FieldPath(this, key, -1);
  }

  /** The item at {@code index} of this list. */
  FieldPath index(int index) {
    return new FieldPath(this, null, index);
  }

  @Override
  public String toString() {
    if (parent == null) {
      return "(root)";
    }
    String before = parent.parent == null ? "" : parent.toString();
    if (key == null) {
      return before + "[" + index + "]";
    }
    if (!PLAIN.matcher(key).matches()) {
      return before + "['" + key + "']";
    }
    return before.isEmpty() ? key : before + "." + key;
  }

  private JsonPointer pointer() {
    if (parent == null) {
      return JsonPointer.empty();
    }
    return key == null ? parent.pointer().appendIndex(index) : parent.pointer().appendProperty(key);
  }

  /**
   * The line and column (from 1) where {@code field}'s value starts in {@code text}; for a field
   * that is not there (a missing key), where the closest enclosing value starts. Null if the text
   * does not parse that far. Streams the text again, so it is for the error path only.
   */
  static int[] locate(String text, FieldPath field) {
    String target = field.pointer().toString();
    int[] best = null;
    int bestLength = -1;
    try (JsonParser p = Yaml.mapper().createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.PROPERTY_NAME || t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          continue;
        }
        String at = p.streamReadContext().pathAsPointer().toString();
        if (at.length() > bestLength && (target.equals(at) || target.startsWith(at + "/"))) {
          TokenStreamLocation l = p.currentTokenLocation();
          best = new int[] {l.getLineNr(), l.getColumnNr()};
          bestLength = at.length();
          if (at.equals(target)) {
            return best;
          }
        }
      }
    } catch (JacksonException e) {
      // the reader got this far, so the text parses; report what was found
    }
    return best;
  }
}
